package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.Membership;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;

/** What staff do with members: find them, grant and end memberships, grant roles, disable accounts. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
@RolesAllowed(Role.Names.STAFF)
public class Members {

    private static final Logger LOG = Logger.getLogger(Members.class.getName());
    public static final int MAX_PAGE_SIZE = 200;

    public record Page(List<AccountView> items, long total, int page, int size) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Members whose name, email, district or job title contains the text, by name. */
    public Page search(String text, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("page starts at 0 and size is 1 to " + MAX_PAGE_SIZE + ".");
        }
        String pattern = "%"
                + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT))
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        String where = " where lower(a.displayName) like :p or a.email like :p"
                + " or lower(a.district) like :p or lower(a.jobTitle) like :p";
        long total = em.createQuery("select count(a) from Account a" + where, Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        LocalDate today = today();
        List<AccountView> items = em.createQuery(
                        "select a from Account a" + where + " order by lower(a.displayName), a.id", Account.class)
                .setParameter("p", pattern)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(account -> AccountView.of(account, today))
                .toList();
        return new Page(items, total, page, size);
    }

    public AccountView get(long id) {
        return AccountView.of(find(id), today());
    }

    /** Sets the staff-granted roles. Only an admin grants or takes away ADMIN and STAFF. */
    public AccountView assignRoles(long id, Set<Role> roles) {
        Account account = confirmed(changeable(id));
        Set<Role> privileged = EnumSet.of(Role.ADMIN, Role.STAFF);
        Set<Role> before = account.getRoles();
        boolean touchesPrivileged = privileged.stream().anyMatch(role -> roles.contains(role) != before.contains(role));
        if (touchesPrivileged && !caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin grants or removes the ADMIN and STAFF roles.");
        }
        if (account.getId() == caller.requireAccountId()
                && before.contains(Role.ADMIN)
                && !roles.contains(Role.ADMIN)) {
            throw ProblemException.conflict("You cannot remove your own ADMIN role; ask another admin.");
        }
        account.assignRoles(roles);
        LOG.info(() -> "Account " + caller.requireAccountId() + " set the roles of account " + id + " to " + roles);
        return AccountView.of(account, today());
    }

    public AccountView grantMembership(long id, LocalDate start, LocalDate expiry) {
        Account account = confirmed(changeable(id));
        if (start == null) {
            throw ProblemException.badRequest("A membership needs a start date.");
        }
        if (expiry != null && expiry.isBefore(start)) {
            throw ProblemException.badRequest("The expiry date " + expiry + " is before the start date " + start + ".");
        }
        account.grantMembership(new Membership(start, expiry));
        LOG.info(() -> "Account " + caller.requireAccountId() + " granted account " + id + " membership from " + start
                + " to " + (expiry == null ? "no expiry" : expiry));
        return AccountView.of(account, today());
    }

    public AccountView endMembership(long id) {
        Account account = changeable(id);
        account.endMembership();
        LOG.info(() -> "Account " + caller.requireAccountId() + " ended the membership of account " + id);
        return AccountView.of(account, today());
    }

    /** A disabled account cannot sign in, and its open sessions end at their next request. */
    public AccountView setDisabled(long id, boolean disabled) {
        Account account = changeable(id);
        if (account.getId() == caller.requireAccountId()) {
            throw ProblemException.conflict("You cannot disable your own account.");
        }
        if (disabled) {
            account.disable();
        } else {
            account.enable();
        }
        LOG.info(() ->
                "Account " + caller.requireAccountId() + (disabled ? " disabled" : " enabled") + " account " + id);
        return AccountView.of(account, today());
    }

    /** An account the caller may change: only admins act on admins, so staff cannot lock an admin out. */
    private Account changeable(long id) {
        Account account = find(id);
        if (account.getRoles().contains(Role.ADMIN) && !caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may change an admin's account.");
        }
        return account;
    }

    /**
     * Membership and roles go only to an account whose owner proved the address: anyone may sign up with a stranger's
     * address, and staff granting by address would hand that person the stranger's membership.
     */
    private static Account confirmed(Account account) {
        if (!account.isEmailConfirmed()) {
            throw ProblemException.conflict("The address " + account.getEmail() + " is not confirmed, so this account"
                    + " may not belong to its owner. Invite the address instead: the invitation confirms it.");
        }
        return account;
    }

    private Account find(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw ProblemException.notFound("Account " + id);
        }
        return account;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }
}
