package org.ctoforum.membership.ui;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ctoforum.membership.boundary.IdentityProviders;
import org.ctoforum.membership.boundary.PortalAuthentication;
import org.ctoforum.platform.web.PageMessages;

/** The sign-in form; the check itself is {@link PortalAuthentication}. */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    SecurityContext security;

    @Inject
    IdentityProviders providers;

    private List<IdentityProviders.SignInButton> buttons;

    /** One button per configured provider. */
    public List<IdentityProviders.SignInButton> getProviders() {
        if (buttons == null) {
            buttons = providers.buttons();
        }
        return buttons;
    }

    /** Where a provider's button starts, returning to the page the person came from. */
    public String providerPath(String key) {
        return "/signin/oidc/" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "?next="
                + URLEncoder.encode(safeLocalPath(next), StandardCharsets.UTF_8);
    }

    /** Shows, once, why a sign-in through a provider was refused. */
    public void showRefusal() {
        HttpSession session = (HttpSession)
                FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        if (session != null && session.getAttribute(ProviderSignIn.REFUSAL) instanceof String why) {
            session.removeAttribute(ProviderSignIn.REFUSAL);
            PageMessages.error(why);
        }
    }

    private String email;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                withParams()
                        .credential(new UsernamePasswordCredential(
                                email == null ? "" : email, password == null ? "" : password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + safeLocalPath(next));
            faces.responseComplete();
            return;
        }
        Object retryAfter = request.getAttribute(PortalAuthentication.RETRY_AFTER);
        if (retryAfter != null) {
            long minutes = Math.max(1, ((Long) retryAfter + 59) / 60);
            PageMessages.error(
                    "Too many failed sign-ins. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".");
        } else {
            PageMessages.error("The email or password is wrong.");
        }
    }

    /** Only paths on this site: never another host, so a crafted sign-in link cannot send anyone away. */
    static String safeLocalPath(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.contains("\n")) {
            return "/index.xhtml";
        }
        return next;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
