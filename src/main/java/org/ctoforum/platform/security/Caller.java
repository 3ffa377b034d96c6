package org.ctoforum.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.settings.Settings;

/**
 * Who is calling. The caller principal's name is the account id, set at sign-in; roles are the account's effective
 * roles, so an expired membership is not a MEMBER. An EJB that asks about roles must declare them all
 * ({@code @DeclareRoles}): the EJB container answers false for a role its bean never declared.
 */
@ApplicationScoped
public class Caller {

    /** The HTTP session attribute that holds a signed-in account's id. */
    public static final String SESSION_ACCOUNT = "portal.accountId";

    /** The request attribute sign-in sets when the caller's address is not confirmed yet. */
    public static final String UNCONFIRMED = "portal.unconfirmed";

    @Inject
    SecurityContext security;

    @Inject
    Settings settings;

    @Inject
    Instance<HttpServletRequest> request;

    /**
     * The signed-in account, if its address is confirmed. An account whose address awaits confirmation reads the
     * portal as the anonymous do; only {@link #anyAccountId} and {@link #requireAnyAccountId} see it.
     */
    public Optional<Long> accountId() {
        Optional<Long> id = anyAccountId();
        return id.isPresent() && !confirmed() ? Optional.empty() : id;
    }

    /** The signed-in account, its address confirmed or not. */
    public Optional<Long> anyAccountId() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(principal.getName()));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * The account id, or a 401 problem for an anonymous caller. An account whose address is not confirmed gets a 403
     * that says how to confirm it: until then it may only see its own account and have the mail sent again.
     */
    public long requireAccountId() {
        long id = requireAnyAccountId();
        if (!confirmed()) {
            throw new ProblemException(
                    ProblemType.ADDRESS_NOT_CONFIRMED,
                    "Confirm your address first: follow the link we mailed you, or have it sent again from your"
                            + " profile (POST /api/me/confirmation).",
                    Map.of("confirm", settings.baseUrl() + "/me/profile.xhtml"));
        }
        return id;
    }

    /** The account id of any signed-in account, its address confirmed or not; 401 for the anonymous. */
    public long requireAnyAccountId() {
        return anyAccountId().orElseThrow(ProblemException::unauthorized);
    }

    /** False only while a signed-in caller's address awaits confirmation. */
    public boolean confirmed() {
        try {
            return !request.isResolvable() || request.get().getAttribute(UNCONFIRMED) == null;
        } catch (ContextNotActiveException outsideARequest) {
            return true;
        }
    }

    public boolean signedIn() {
        return accountId().isPresent();
    }

    /**
     * Whether the caller has {@code role}. The anonymous have none, and are answered without asking the container,
     * whose role check was a fifth of an anonymous discussion list's time.
     */
    public boolean is(Role role) {
        return security.getCallerPrincipal() != null && security.isCallerInRole(role.name());
    }

    public boolean staff() {
        return is(Role.STAFF);
    }

    /** Requires a current membership; the 403 tells a non-member how to join. */
    public long requireMember(String forWhat) {
        long id = requireAccountId();
        if (!is(Role.MEMBER)) {
            throw new ProblemException(
                    ProblemType.MEMBERS_ONLY,
                    "Only members may " + forWhat + ". Join the association: staff confirm memberships for district"
                            + " technology leaders.",
                    Map.of("join", settings.baseUrl() + "/join.xhtml"));
        }
        return id;
    }

    /** Requires a role, answering 401 to the anonymous and 403 to the rest. */
    public long require(Role role, String forWhat) {
        long id = requireAccountId();
        if (!is(role)) {
            throw ProblemException.forbidden(
                    "Only " + role.name().toLowerCase(Locale.ROOT) + " accounts may " + forWhat + ".");
        }
        return id;
    }
}
