package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.ctoforum.membership.boundary.FirstAdministrator;
import org.ctoforum.platform.web.PageMessages;

/** The page behind the logged setup address: the first administrator's email, name and password. */
@Named
@RequestScoped
public class SetupPage {

    @Inject
    FirstAdministrator firstAdministrator;

    private String token;
    private String email;
    private String displayName;
    private String password;
    private String passwordAgain;

    public boolean isUsable() {
        return firstAdministrator.usable(token);
    }

    public void create() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            PageMessages.error("The two passwords differ.");
            return;
        }
        if (PageMessages.attempt(() ->
                firstAdministrator.create(new FirstAdministrator.SetupForm(token, email, displayName, password)))) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            PageMessages.info("You are the portal's first administrator. Sign in to invite staff and members.");
            external.redirect(external.getRequestContextPath() + "/signin.xhtml");
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
