package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.ctoforum.membership.boundary.Accounts;
import org.ctoforum.platform.web.PageMessages;

/**
 * Self-service sign-up. The new account is a registered non-member until staff grant membership, and holds nothing
 * until its address is confirmed. The page says the same whether or not the address had an account.
 */
@Named
@RequestScoped
public class SignUpPage {

    @Inject
    Accounts accounts;

    private String email;
    private String displayName;
    private String district;
    private String jobTitle;
    private String password;
    private String passwordAgain;

    public void signUp() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            PageMessages.error("The two passwords differ.");
            return;
        }
        boolean created = PageMessages.attempt(
                () -> accounts.signUp(new Accounts.SignUpForm(email, displayName, district, jobTitle, password)));
        if (created) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            PageMessages.info("Check your mail: we sent a link to " + email.strip() + ". Follow it to confirm your"
                    + " address, then sign in.");
            external.redirect(external.getRequestContextPath() + "/signin.xhtml");
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
