package org.ctoforum.membership.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.membership.boundary.AccountView;
import org.ctoforum.membership.boundary.Accounts;
import org.ctoforum.membership.boundary.AddressConfirmations;
import org.ctoforum.membership.boundary.ApiTokens;
import org.ctoforum.membership.boundary.IdentityProviders;
import org.ctoforum.membership.boundary.PortalAuthentication;
import org.ctoforum.membership.boundary.SingleSignOn;
import org.ctoforum.platform.web.PageMessages;

/** The profile page: details, password, and personal API tokens. */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    PortalAuthentication authentication;

    @Inject
    AddressConfirmations confirmations;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    IdentityProviders providers;

    private List<SingleSignOn.IdentityView> identities;
    private List<IdentityProviders.SignInButton> providerButtons;

    private AccountView account;
    private String displayName;
    private String district;
    private String jobTitle;
    private String currentPassword;
    private String newPassword;
    private String newPasswordAgain;
    private boolean signOutEverywhere = true;
    private String newEmail;
    private String emailPassword;
    private String tokenName;
    private String newToken;
    private List<ApiTokens.TokenView> tokenList;

    @PostConstruct
    void load() {
        account = accounts.me();
        displayName = account.displayName();
        district = account.district();
        jobTitle = account.jobTitle();
        tokenList = account.emailConfirmed() ? tokens.mine() : List.of();
        identities = account.emailConfirmed() ? singleSignOn.mine() : List.of();
        providerButtons = providers.buttons();
    }

    public void unlink(long identityId) {
        if (PageMessages.attempt(() -> singleSignOn.unlink(identityId))) {
            PageMessages.info("Unlinked; that provider no longer signs you in here.");
            identities = singleSignOn.mine();
        }
    }

    public List<SingleSignOn.IdentityView> getIdentities() {
        return identities;
    }

    public List<IdentityProviders.SignInButton> getProviderButtons() {
        return providerButtons;
    }

    public void resendConfirmation() {
        if (PageMessages.attempt(confirmations::resend)) {
            PageMessages.info("We sent the link to " + account.email() + " again.");
        }
    }

    public void changeEmail() {
        if (PageMessages.attempt(
                () -> accounts.requestAddressChange(new Accounts.AddressChange(newEmail, emailPassword)))) {
            PageMessages.info("We sent a link to " + newEmail.strip() + ". Your account moves to that address when"
                    + " you follow it; until then you sign in as before.");
            newEmail = null;
        }
        emailPassword = null;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }

    public void saveProfile() {
        if (PageMessages.attempt(
                () -> account = accounts.updateProfile(new Accounts.ProfileForm(displayName, district, jobTitle)))) {
            PageMessages.info("Your profile is saved.");
        }
    }

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(newPasswordAgain)) {
            PageMessages.error("The two new passwords differ.");
            return;
        }
        boolean everywhere = signOutEverywhere;
        if (PageMessages.attempt(
                () -> accounts.changePassword(new Accounts.PasswordChange(currentPassword, newPassword, everywhere)))) {
            authentication.passwordChanged((HttpSession)
                    FacesContext.getCurrentInstance().getExternalContext().getSession(false));
            PageMessages.info(
                    everywhere
                            ? "Your password is changed; you are signed out everywhere else, and your API tokens,"
                                    + " download links and calendar address are revoked."
                            : "Your password is changed.");
        }
        currentPassword = newPassword = newPasswordAgain = null;
    }

    public void createToken() {
        PageMessages.attempt(() -> {
            newToken = tokens.create(tokenName).token();
            tokenName = null;
            tokenList = tokens.mine();
        });
    }

    public void revokeToken(long id) {
        if (PageMessages.attempt(() -> tokens.revoke(id))) {
            PageMessages.info("The token is revoked; clients using it are refused from now on.");
            tokenList = tokens.mine();
        }
    }

    public AccountView getAccount() {
        return account;
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

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isSignOutEverywhere() {
        return signOutEverywhere;
    }

    public void setSignOutEverywhere(boolean signOutEverywhere) {
        this.signOutEverywhere = signOutEverywhere;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public String getNewToken() {
        return newToken;
    }

    public List<ApiTokens.TokenView> getTokenList() {
        return tokenList;
    }
}
