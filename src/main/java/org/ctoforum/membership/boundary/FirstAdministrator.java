package org.ctoforum.membership.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.control.PasswordPolicy;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.SetupLink;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * How a new association gets its first administrator. At a start on a database with no active administrator (and
 * demo mode off), the portal writes one one-time setup address to its log; it works once, for 24 hours, and a
 * restart issues a new one while no administrator exists. With PORTAL_ADMIN_EMAIL set, that address is also invited.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    static final Duration VALIDITY = Duration.ofHours(24);

    /** The JVM-wide property the launcher prints after "ready", in the same process. */
    public static final String SETUP_URL_PROPERTY = "portal.setup.url";

    public record SetupForm(String token, String email, String displayName, String password) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Invitations invitations;

    @Inject
    Clock clock;

    final PasswordHasher hasher = new PasswordHasher();
    final PasswordPolicy policy = new PasswordPolicy();

    @PostConstruct
    void issueSetupAddress() {
        System.clearProperty(SETUP_URL_PROPERTY);
        if (settings.demo() || administratorExists()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("update setup_link set used_at = ? where used_at is null")
                .setParameter(1, now)
                .executeUpdate();
        String token = Secrets.generate("");
        em.persist(new SetupLink(Secrets.sha256(token), now, now.plus(VALIDITY)));
        String url = settings.baseUrl() + "/setup/" + token;
        System.setProperty(SETUP_URL_PROPERTY, url);
        LOG.warning("No administrator exists yet. Create the first administrator at " + url
                + " (works once, for 24 hours; a restart issues a new address)");
        String adminEmail = settings.text(PortalSetting.ADMIN_EMAIL);
        if (!adminEmail.isBlank()) {
            EmailAddress email = EmailAddress.parse(adminEmail);
            if (email == null) {
                LOG.severe(() -> "PORTAL_ADMIN_EMAIL '" + adminEmail + "' is not an email address; nobody invited");
            } else {
                invitations.inviteFirstAdministrator(email);
            }
        }
    }

    /** Whether the setup address can still be used: for the page, before it asks for anything. */
    public boolean usable(String token) {
        return !administratorExists() && link(token, false) != null;
    }

    /** Creates the first administrator (ADMIN and STAFF, address confirmed), once, with the setup address's token. */
    public long create(SetupForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {token, email, displayName, password}.");
        }
        SetupLink link = link(form.token(), true);
        if (link == null || administratorExists()) {
            throw ProblemException.badRequest("This setup address is unknown, used or expired, or an administrator"
                    + " exists already. Restart the portal for a new one while no administrator exists.");
        }
        EmailAddress email = EmailAddress.parse(Fields.required(form.email(), "email", 254));
        if (email == null) {
            throw ProblemException.badRequest("'" + form.email() + "' is not an email address.");
        }
        String name = Fields.required(form.displayName(), "displayName", 120);
        String password = Fields.required(form.password(), "password", 1024);
        String weak = policy.problemWith(password, email.value());
        if (weak != null) {
            throw ProblemException.badRequest(weak);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account == null) {
            account = new Account(email, name, null, null, now);
            em.persist(account);
        } else {
            account.updateProfile(name, account.getDistrict(), account.getJobTitle());
            account.signOutEverywhere();
        }
        account.choosePassword(hasher.hash(password.toCharArray()));
        account.confirmEmail(now);
        account.enable();
        account.assignRoles(EnumSet.of(Role.ADMIN, Role.STAFF));
        link.use(now);
        em.flush();
        System.clearProperty(SETUP_URL_PROPERTY);
        long id = account.getId();
        LOG.info(() -> "Account " + id + " (" + email + ") is the first administrator; the setup address is used up");
        return id;
    }

    private boolean administratorExists() {
        return em.createQuery(
                                "select count(a) from Account a join a.roles r where r = :admin"
                                        + " and a.disabled = false and a.emailConfirmedAt is not null",
                                Long.class)
                        .setParameter("admin", Role.ADMIN)
                        .getSingleResult()
                > 0;
    }

    private SetupLink link(String token, boolean lock) {
        if (token == null || token.isBlank()) {
            return null;
        }
        SetupLink link = em.createQuery("select s from SetupLink s where s.secret.tokenHash = :h", SetupLink.class)
                .setParameter("h", Secrets.sha256(token.strip()))
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return link != null && link.usableAt(OffsetDateTime.now(clock)) ? link : null;
    }
}
