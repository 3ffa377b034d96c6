package org.ctoforum.membership.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.platform.database.DatabaseOutage;
import org.ctoforum.platform.database.DatabaseOutagePages;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.ProblemAnswers;
import org.ctoforum.platform.web.ResponseDate;

/**
 * The one way in. Pages use a session after the sign-in form; the API takes HTTP Basic or a bearer token on every
 * call. The API honours the session cookie only for reading (GET and HEAD), so a forged cross-site request cannot
 * change anything through it.
 */
@ApplicationScoped
public class PortalAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(PortalAuthentication.class.getName());

    private static final String SESSION_ACCOUNT = Caller.SESSION_ACCOUNT;
    /** The session attribute that ties the session to the credential epoch it signed in under. */
    static final String SESSION_STAMP = "portal.sessionStamp";
    /** A request attribute telling the sign-in page how many seconds to wait after too many failures. */
    public static final String RETRY_AFTER = "portal.signin.retryAfter";

    @Inject
    SignIn signIn;

    @Inject
    ClientAddress clientAddress;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // This mechanism answers some requests (401s, sign-in redirects) before any filter runs.
        ResponseDate.stamp(response);
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            // Signing in needs the database; without it, the answer is 503 at once, not a 500 later.
            LOG.warning(() -> "Sign-in impossible, the database is unreachable: " + e);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return refuse(
                        response,
                        new ProblemException(
                                ProblemType.UNAVAILABLE,
                                "The portal cannot reach its database just now. Try again in a few seconds.",
                                Map.of("retryAfter", DatabaseOutage.RETRY_AFTER_SECONDS)));
            }
            try {
                DatabaseOutagePages.answer(response);
            } catch (IOException gone) {
                // The client went away.
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null) {
            return fromHeader(authorization, request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            return fromForm(password, request, context);
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")
                && (!api || isSafe(request.getMethod()))) {
            Optional<Identity> identity = fromSession(request);
            if (identity.isPresent()) {
                return notify(context, identity.get());
            }
        }
        if (context.isProtected()) {
            if (api) {
                return refuse(response, ProblemException.unauthorized());
            }
            String next =
                    request.getRequestURI().substring(request.getContextPath().length())
                            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(
                    request.getContextPath() + "/signin.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ACCOUNT);
            session.removeAttribute(SESSION_STAMP);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus fromHeader(
            String authorization,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return signIn.withToken(authorization.substring(7).strip())
                    .map(identity -> notify(context, identity))
                    .orElseGet(() -> refuse(
                            response,
                            ProblemException.unauthorized(
                                    "The token is unknown or revoked; create a new one on your profile.")));
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6).strip());
            if (pair == null) {
                return refuse(
                        response,
                        ProblemException.badRequest("The Basic credentials are not valid Base64 of email:password."));
            }
            SignIn.Outcome outcome = signIn.withPassword(pair[0], pair[1], clientAddress.of(request), "api");
            if (outcome instanceof SignIn.Accepted accepted) {
                return notify(context, accepted.identity());
            }
            if (outcome instanceof SignIn.Throttled throttled) {
                return refuse(
                        response,
                        ProblemException.tooManyRequests(
                                "Too many failed sign-ins; try again later.",
                                throttled.retryAfter().toSeconds()));
            }
            return refuse(response, ProblemException.unauthorized("The email or password is wrong."));
        }
        return refuse(response, ProblemException.unauthorized("Use HTTP Basic or a Bearer token."));
    }

    private AuthenticationStatus fromForm(
            UsernamePasswordCredential credential, HttpServletRequest request, HttpMessageContext context) {
        SignIn.Outcome outcome = signIn.withPassword(
                credential.getCaller(), credential.getPasswordAsString(), clientAddress.of(request), "form");
        if (outcome instanceof SignIn.Accepted accepted) {
            HttpSession existing = request.getSession(false);
            if (existing != null) {
                request.changeSessionId();
            }
            long accountId = accepted.identity().accountId();
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_ACCOUNT, accountId);
            session.setAttribute(SESSION_STAMP, signIn.sessionStamp(accountId));
            return notify(context, accepted.identity());
        }
        if (outcome instanceof SignIn.Throttled throttled) {
            request.setAttribute(RETRY_AFTER, throttled.retryAfter().toSeconds());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private Optional<Identity> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ACCOUNT) instanceof Long accountId)) {
            return Optional.empty();
        }
        Optional<Identity> identity = session.getAttribute(SESSION_STAMP) instanceof String stamp
                ? signIn.forSession(accountId, stamp)
                : Optional.empty();
        if (identity.isEmpty()) {
            session.invalidate();
        }
        return identity;
    }

    /**
     * Signs the browser in after a provider vouched for the account: a new session id, as a form sign-in gets, so that
     * a session fixed before the sign-in is worth nothing.
     */
    public void signInWithProvider(HttpServletRequest request, long accountId, String providerKey) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(SESSION_ACCOUNT, accountId);
        session.setAttribute(SESSION_STAMP, signIn.sessionStamp(accountId));
        LOG.info(() -> "Sign-in SUCCESS for account " + accountId + " from " + clientAddress.of(request) + " via oidc:"
                + providerKey);
    }

    /** Keeps the session that signed its account out everywhere signed in; the account's other sessions end. */
    public void passwordChanged(HttpSession session) {
        if (session != null && session.getAttribute(SESSION_ACCOUNT) instanceof Long accountId) {
            session.setAttribute(SESSION_STAMP, signIn.sessionStamp(accountId));
        }
    }

    private static AuthenticationStatus notify(HttpMessageContext context, Identity identity) {
        if (!identity.confirmed()) {
            context.getRequest().setAttribute(Caller.UNCONFIRMED, Boolean.TRUE);
        }
        return context.notifyContainerAboutLogin(
                new CredentialValidationResult(String.valueOf(identity.accountId()), Set.copyOf(identity.roles())));
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, ProblemException problem) {
        try {
            response.resetBuffer();
            if (problem.status() == 401) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"CTO Forum\", Bearer");
            }
            Object retryAfter = problem.extensions().get("retryAfter");
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter.toString());
            }
            ProblemAnswers.send(response, problem);
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; there is nobody to tell.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
