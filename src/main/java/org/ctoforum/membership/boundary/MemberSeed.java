package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.Membership;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.security.Role;

/**
 * The demo accounts and members of seeds/members.json. Accounts are added when missing, and demo accounts get the
 * password of this start again, so the password printed at start (or PORTAL_DEMO_PASSWORD) always works.
 *
 * <p>The demo accounts share one password, so they share one hash: it is derived or checked once per start instead of
 * once per account, which took a second of every start (PBKDF2 costs about 150 ms on purpose).
 */
@Stateless
public class MemberSeed implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    final PasswordHasher hasher = new PasswordHasher();

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void seed(DemoContext context) {
        DemoPasswordHash demoHash = new DemoPasswordHash(context.demoPassword().toCharArray());
        for (JsonObject entry :
                context.json("members.json").getJsonArray("accounts").getValuesAs(JsonObject.class)) {
            EmailAddress email = EmailAddress.parse(entry.getString("email"));
            boolean demo = entry.getBoolean("demo", false);
            Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                    .setParameter("email", email.value())
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            if (account == null) {
                account = create(entry, email);
            }
            if (demo) {
                demoHash.giveTo(account);
                context.announceAccount(String.format(
                        "%-20s %s",
                        email.value(),
                        account.effectiveRoles(LocalDate.now(clock)).isEmpty()
                                ? "(registered non-member)"
                                : account.effectiveRoles(LocalDate.now(clock))));
            }
        }
    }

    /** The hash of this start's demo password: the one an account already has when it verifies, or a new one. */
    private final class DemoPasswordHash {

        private final char[] password;
        private String hash;

        DemoPasswordHash(char[] password) {
            this.password = password;
        }

        void giveTo(Account account) {
            String current = account.getPasswordHash();
            if (hash != null && hash.equals(current)) {
                return;
            }
            if (hash == null && !hasher.needsRehash(current) && hasher.verify(password, current)) {
                hash = current;
                return;
            }
            if (hash == null) {
                hash = hasher.hash(password);
            }
            account.choosePassword(hash);
        }
    }

    private Account create(JsonObject entry, EmailAddress email) {
        Account account = new Account(
                email,
                entry.getString("displayName"),
                entry.getString("district", null),
                entry.getString("jobTitle", null),
                OffsetDateTime.now(clock));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        entry.getJsonArray("roles")
                .getValuesAs(JsonString.class)
                .forEach(role -> roles.add(Role.valueOf(role.getString())));
        account.assignRoles(roles);
        // The demo's addresses are the association's own, known to be right.
        account.confirmEmail(OffsetDateTime.now(clock));
        if (entry.containsKey("membershipStart")) {
            account.grantMembership(new Membership(
                    LocalDate.parse(entry.getString("membershipStart")),
                    entry.containsKey("membershipExpiry")
                            ? LocalDate.parse(entry.getString("membershipExpiry"))
                            : null));
        }
        em.persist(account);
        return account;
    }
}
