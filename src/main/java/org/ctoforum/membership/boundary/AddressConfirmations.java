package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.EmailConfirmation;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Proving an address: a new account's own, or the address an account moves to. Until its owner follows the mailed
 * link, a new account holds no role, membership or grant, and staff cannot reach it by its address.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class AddressConfirmations {

    private static final Logger LOG = Logger.getLogger(AddressConfirmations.class.getName());
    private static final Duration RESEND_PAUSE = Duration.ofMinutes(1);

    /** What a confirmation did, for the page that shows it. */
    public record Confirmed(String email, boolean moved) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * Mails a link that proves {@code address} belongs to the account: its own address, or the one it moves to. For
     * sign-up and address changes, which have checked the caller.
     */
    public void send(Account account, EmailAddress address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String token = Secrets.generate("");
        Duration validity = Duration.ofHours(settings.number(PortalSetting.EMAIL_CONFIRMATION_HOURS));
        em.persist(new EmailConfirmation(account.getId(), address, Secrets.sha256(token), now, now.plus(validity)));
        String link = settings.baseUrl() + "/confirm.xhtml?token=" + token;
        boolean moving = !address.value().equals(account.getEmail());
        mailer.send(
                address.value(),
                moving ? "Confirm your new address for the CTO Forum" : "Confirm your address for the CTO Forum",
                "Hello " + account.getDisplayName() + ",\n\n"
                        + (moving
                                ? "You asked to sign in to the CTO Forum with this address instead of "
                                        + account.getEmail() + ".\n"
                                : "Welcome to the CTO Forum. Please confirm that this address is yours.\n")
                        + "Open this link within " + validity.toHours() + " hours:\n\n" + link + "\n\n"
                        + "If you did not ask for this, ignore this mail; nothing changes.\n");
        LOG.info(() -> "Address confirmation mailed for account " + account.getId()
                + (moving ? " (moving to a new address)" : ""));
    }

    /** Sends the caller's confirmation again; once a minute at most. */
    public void resend() {
        Account account = em.find(Account.class, caller.requireAnyAccountId());
        if (account == null) {
            throw ProblemException.unauthorized();
        }
        if (account.isEmailConfirmed()) {
            throw ProblemException.conflict("Your address is already confirmed.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long recent = em.createQuery(
                        "select count(c) from EmailConfirmation c where c.accountId = :a and c.secret.createdAt > :since",
                        Long.class)
                .setParameter("a", account.getId())
                .setParameter("since", now.minus(RESEND_PAUSE))
                .getSingleResult();
        if (recent > 0) {
            throw ProblemException.tooManyRequests(
                    "A confirmation mail went out less than a minute ago; please check your mail.",
                    RESEND_PAUSE.toSeconds());
        }
        send(account, EmailAddress.parse(account.getEmail()));
    }

    /** Follows a mailed link: confirms the account's address, or moves the account to the new one. */
    public Confirmed confirm(String token) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        EmailConfirmation confirmation = token == null || token.isBlank()
                ? null
                : em.createQuery(
                                "select c from EmailConfirmation c where c.secret.tokenHash = :hash",
                                EmailConfirmation.class)
                        .setParameter("hash", Secrets.sha256(token.strip()))
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (confirmation == null || !confirmation.usableAt(now)) {
            throw ProblemException.badRequest(
                    "This confirmation link is unknown, used or expired. Sign in to have a new one sent.");
        }
        Account account = em.find(Account.class, confirmation.getAccountId());
        if (account == null || account.isDisabled()) {
            throw ProblemException.badRequest("This confirmation link belongs to an account that is closed.");
        }
        confirmation.use(now);
        EmailAddress address = EmailAddress.parse(confirmation.getEmail());
        if (address.value().equals(account.getEmail())) {
            account.confirmEmail(now);
            LOG.info(() -> "Account " + account.getId() + " confirmed its address");
            return new Confirmed(address.value(), false);
        }
        boolean taken = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", address.value())
                .getResultStream()
                .findFirst()
                .isPresent();
        if (taken) {
            throw ProblemException.conflict(
                    "Another account uses " + address.value() + " now; the address stays as it was.");
        }
        String old = account.getEmail();
        account.moveTo(address, now);
        mailer.send(
                old,
                "Your CTO Forum address changed",
                "Hello " + account.getDisplayName() + ",\n\nYour CTO Forum account now signs in with "
                        + address.value() + " instead of this address.\nIf you did not do this, reset your password"
                        + " at " + settings.baseUrl() + "/forgot-password.xhtml and tell the association's staff.\n");
        LOG.info(() -> "Account " + account.getId() + " moved to a confirmed new address");
        return new Confirmed(address.value(), true);
    }
}
