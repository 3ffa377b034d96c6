package org.ctoforum.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctoforum.platform.problem.ProblemException;
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

    @Inject
    SecurityContext security;

    @Inject
    Settings settings;

    public Optional<Long> accountId() {
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

    /** The account id, or a 401 problem for an anonymous caller. */
    public long requireAccountId() {
        return accountId().orElseThrow(ProblemException::unauthorized);
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
                    403,
                    "Members only",
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
