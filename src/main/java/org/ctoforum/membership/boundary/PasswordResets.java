package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.control.PasswordPolicy;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.PasswordReset;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Password reset through a mailed one-time link. Asking never reveals whether an account exists; the link works
 * once, for a limited time, and only its hash is stored.
 */
@Stateless
public class PasswordResets {

    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    AccountTakeBack takeBack;

    final PasswordHasher hasher = new PasswordHasher();
    final PasswordPolicy policy = new PasswordPolicy();

    public void request(String typedEmail) {
        EmailAddress email = EmailAddress.parse(typedEmail);
        if (email == null) {
            throw ProblemException.badRequest("'" + typedEmail + "' is not an email address.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account == null || account.isDisabled()) {
            LOG.info(() -> "Password reset asked for " + email + ", which has no active account; nothing sent");
            return;
        }
        long recent = em.createQuery(
                        "select count(r) from PasswordReset r where r.accountId = :account and r.secret.createdAt > :since",
                        Long.class)
                .setParameter("account", account.getId())
                .setParameter("since", now.minusMinutes(1))
                .getSingleResult();
        if (recent > 0) {
            LOG.info(() -> "Password reset for account " + account.getId() + " was sent less than a minute ago");
            return;
        }
        String token = Secrets.generate("");
        var validity = settings.minutes(PortalSetting.PASSWORD_RESET_MINUTES);
        em.persist(new PasswordReset(account.getId(), Secrets.sha256(token), now, now.plus(validity)));
        String link = settings.baseUrl() + "/password-reset.xhtml?token=" + token;
        mailer.send(
                account.getEmail(),
                "Choose a new password for the CTO Forum",
                "Hello " + account.getDisplayName() + ",\n\n"
                        + "Someone, probably you, asked to reset the password of your CTO Forum account.\n"
                        + "Choose a new one here within " + validity.toMinutes() + " minutes:\n\n" + link + "\n\n"
                        + "If you did not ask, ignore this mail; your password stays as it is.\n");
        LOG.info(() -> "Password reset link mailed to account " + account.getId());
    }

    public void reset(String token, String newPassword) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        PasswordReset reset = token == null
                ? null
                : em.createQuery("select r from PasswordReset r where r.secret.tokenHash = :hash", PasswordReset.class)
                        .setParameter("hash", Secrets.sha256(token))
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (reset == null || !reset.usableAt(now)) {
            throw ProblemException.badRequest("This reset link is unknown, used or expired; ask for a new one.");
        }
        Account account = em.find(Account.class, reset.getAccountId());
        String weak = policy.problemWith(newPassword, account.getEmail());
        if (weak != null) {
            throw ProblemException.badRequest(weak);
        }
        reset.use(now);
        account.choosePassword(hasher.hash(newPassword.toCharArray()));
        // The link reached the address, which proves it is the account owner's.
        account.confirmEmail(now);
        LOG.info(() -> "Account " + account.getId() + " chose a new password through a reset link");
        // A reset is how an owner takes an account back: whatever it had issued ends with it.
        takeBack.signOutEverywhere(account, "password reset");
    }
}
