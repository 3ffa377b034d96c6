package org.ctoforum.membership.ui;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.logging.Logger;
import org.ctoforum.membership.boundary.IdentityProviders;
import org.ctoforum.membership.boundary.OpenIdClients;
import org.ctoforum.membership.boundary.PortalAuthentication;
import org.ctoforum.membership.boundary.SingleSignOn;
import org.ctoforum.membership.control.OpenIdClient;
import org.ctoforum.membership.control.OpenIdClient.SignInRefused;
import org.ctoforum.membership.entity.IdentityProvider;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Sign-in through a district's provider: {@code GET /signin/oidc/{key}} sends the browser to the provider, and
 * {@code GET /signin/oidc/{key}/callback} comes back with a code. What the flow keeps in between (state, nonce, the
 * PKCE verifier, where to return) is in the session. Every refusal lands on the sign-in page with its reason.
 */
@WebServlet("/signin/oidc/*")
public class ProviderSignIn extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class.getName());
    static final String PENDING = "portal.oidc.pending";
    /** The session attribute that carries a refusal's reason to the sign-in page. */
    public static final String REFUSAL = "portal.oidc.refusal";

    @Inject
    IdentityProviders providers;

    @Inject
    OpenIdClients clients;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    PortalAuthentication authentication;

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.substring(Math.min(1, path.length())).split("/");
        String key = parts[0];
        boolean callback = parts.length == 2 && parts[1].equals("callback");
        if (key.isEmpty() || parts.length > 2 || (parts.length == 2 && !callback)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        IdentityProvider provider;
        try {
            provider = providers.existing(key);
        } catch (ProblemException unknown) {
            refuse(request, response, "There is no sign-in provider '" + key + "'.");
            return;
        }
        OpenIdClient client = clients.client();
        URI callbackUri = URI.create(origin(request) + "/signin/oidc/" + key + "/callback");
        try {
            if (!callback) {
                Long linkTo = request.getParameter("link") == null
                        ? null
                        : caller.accountId().orElse(null);
                OpenIdClient.Start start = client.start(
                        clients.of(provider),
                        callbackUri,
                        linkTo == null ? SignInPage.safeLocalPath(request.getParameter("next")) : "/me/profile.xhtml",
                        linkTo);
                request.getSession(true).setAttribute(PENDING, start.pending());
                response.sendRedirect(start.redirect().toString());
                return;
            }
            HttpSession session = request.getSession(false);
            OpenIdClient.Pending pending =
                    session == null ? null : (OpenIdClient.Pending) session.getAttribute(PENDING);
            if (session != null) {
                // Used once: a replayed callback finds nothing.
                session.removeAttribute(PENDING);
            }
            if (pending != null && !pending.providerKey().equals(key)) {
                pending = null;
            }
            URI answered = answered(callbackUri, request.getQueryString());
            OpenIdClient.Claims claims = client.finish(clients.of(provider), callbackUri, answered, pending);
            if (pending.linkTo() != null) {
                if (!pending.linkTo().equals(caller.accountId().orElse(null))) {
                    throw new SignInRefused("Sign in again to link " + provider.getLabel() + ".");
                }
                singleSignOn.link(pending.linkTo(), key, claims);
            } else {
                long accountId = singleSignOn.accountFor(key, claims);
                authentication.signInWithProvider(request, accountId, key);
            }
            response.sendRedirect(request.getContextPath() + pending.next());
        } catch (SignInRefused refused) {
            LOG.info(() -> "Sign-in through '" + key + "' refused: " + refused.getMessage()
                    + (refused.getCause() == null ? "" : " (" + refused.getCause() + ")"));
            refuse(request, response, refused.getMessage());
        }
    }

    /** The provider's answer as the callback address with its query; an answer that is no address is refused. */
    private static URI answered(URI callbackUri, String query) throws SignInRefused {
        try {
            return URI.create(callbackUri + (query == null ? "" : "?" + query));
        } catch (IllegalArgumentException unreadable) {
            throw new SignInRefused("The provider's answer could not be read.", unreadable);
        }
    }

    /**
     * The portal's public address, which the provider sends the browser back to: PORTAL_BASE_URL, or without it the
     * address this request came to (a provider accepts only the redirect addresses registered with it).
     */
    private String origin(HttpServletRequest request) {
        if (!settings.text(PortalSetting.BASE_URL).isBlank()) {
            return settings.baseUrl();
        }
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        request.getSession(true).setAttribute(REFUSAL, why);
        response.sendRedirect(request.getContextPath() + "/signin.xhtml");
    }
}
