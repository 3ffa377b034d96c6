package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ctoforum.membership.boundary.PasswordResets;
import org.ctoforum.platform.web.PageMessages;

/** Both halves of a reset: asking for the mail, and choosing the new password from its link. */
@Named
@RequestScoped
public class PasswordResetPage {

    @Inject
    PasswordResets resets;

    private String email;
    private String token;
    private String password;
    private String passwordAgain;
    private boolean done;

    public void requestLink() {
        if (PageMessages.attempt(() -> resets.request(email))) {
            PageMessages.info("If an account exists for " + email + ", a link to choose a new password is on its way.");
            done = true;
        }
    }

    public void choosePassword() {
        if (password == null || !password.equals(passwordAgain)) {
            PageMessages.error("The two passwords differ.");
            return;
        }
        if (PageMessages.attempt(() -> resets.reset(token, password))) {
            PageMessages.info("Your new password is set. Sign in with it.");
            done = true;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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

    public boolean isDone() {
        return done;
    }
}
