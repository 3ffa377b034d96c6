package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.ctoforum.membership.boundary.InvitationAcceptance;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;

/** Where an invitation's link lands: the invited person chooses a password, which also confirms the address. */
@Named
@RequestScoped
public class InvitationPage {

    @Inject
    InvitationAcceptance invitations;

    private String token;
    private InvitationAcceptance.OpenInvitation invitation;
    private boolean looked;
    private String displayName;
    private String password;
    private String passwordAgain;

    /** The open invitation the token stands for, or null with the reason shown. */
    public InvitationAcceptance.OpenInvitation getInvitation() {
        if (!looked) {
            looked = true;
            try {
                invitation = invitations.open(token);
                if (displayName == null) {
                    displayName = invitation.displayName();
                }
            } catch (ProblemException unusable) {
                PageMessages.error(unusable.detail());
            }
        }
        return invitation;
    }

    public void accept() throws IOException {
        if (password == null || !password.equals(passwordAgain)) {
            PageMessages.error("The two passwords differ.");
            return;
        }
        if (PageMessages.attempt(
                () -> invitations.accept(new InvitationAcceptance.Acceptance(token, displayName, password)))) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            PageMessages.info("Welcome! Your account is ready; sign in with your address and the new password.");
            external.redirect(external.getRequestContextPath() + "/signin.xhtml");
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
