package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.control.SignInThrottle;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.ApiToken;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.SignInAttempt;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.settings.Settings;

/**
 * Checks who a caller is: by password (throttled, every attempt recorded and logged), by API token, or by the
 * account id kept in the session, which is looked up afresh so that a disabled account or an expired membership
 * takes effect at once.
 */
@Stateless
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    public sealed interface Outcome {}

    public record Accepted(Identity identity) implements Outcome {}

    /** Wrong email or password; deliberately not saying which. */
    public record Refused() implements Outcome {}

    public record Throttled(Duration retryAfter) implements Outcome {}

    @PersistenceContext
    EntityManager em;

    @Inject
    SignInThrottle throttle;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    final PasswordHasher hasher = new PasswordHasher();

    public Outcome withPassword(String typedEmail, String password, String address, String channel) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        EmailAddress email = EmailAddress.parse(typedEmail);
        String key = email != null
                ? email.value()
                : truncate(String.valueOf(typedEmail).toLowerCase(Locale.ROOT));
        Optional<Duration> wait = throttle.waitBefore(key, address, now);
        if (wait.isPresent()) {
            record(key, address, channel, SignInAttempt.Outcome.THROTTLED, now);
            return new Throttled(wait.get());
        }
        Account account = email == null ? null : find(email);
        boolean passwordMatches =
                hasher.verify(password.toCharArray(), account == null ? null : account.getPasswordHash());
        if (!passwordMatches || !account.canSignIn()) {
            record(key, address, channel, SignInAttempt.Outcome.FAILURE, now);
            return new Refused();
        }
        if (hasher.needsRehash(account.getPasswordHash())) {
            account.choosePassword(hasher.hash(password.toCharArray()));
        }
        record(key, address, channel, SignInAttempt.Outcome.SUCCESS, now);
        return new Accepted(Identity.of(account, account.effectiveRoles(today())));
    }

    public Optional<Identity> withToken(String token) {
        var found = em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", Secrets.sha256(token))
                .getResultList();
        if (found.isEmpty() || !found.get(0).active()) {
            LOG.info("API token refused");
            return Optional.empty();
        }
        ApiToken apiToken = found.get(0);
        apiToken.used(OffsetDateTime.now(clock));
        return forAccount(apiToken.getAccountId());
    }

    /** The identity of an account, or empty when the account may no longer sign in. */
    public Optional<Identity> forAccount(long accountId) {
        return identity(withRoles(accountId));
    }

    /**
     * The identity behind a signed-in session, or empty when the account may no longer sign in or was signed out
     * everywhere after the session signed in (a password reset, or a change that asked for it).
     */
    public Optional<Identity> forSession(long accountId, String sessionStamp) {
        Account account = withRoles(accountId);
        if (account == null || !sessionStamp(account).equals(sessionStamp)) {
            return Optional.empty();
        }
        return identity(account);
    }

    /** The check of a current password: whether it matched, or how long to wait before it may be checked. */
    public record PasswordCheck(boolean matches, Duration retryAfter) {}

    /**
     * Checks the current password of a signed-in account that wants to change it, throttled and recorded like a
     * sign-in, so a stolen session is no way to test guesses. In a transaction of its own: the record of a failure
     * must outlive the refusal that rolls the change back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PasswordCheck checkCurrentPassword(Account account, String password, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String key = account.getEmail();
        Optional<Duration> wait = throttle.waitBefore(key, address, now);
        if (wait.isPresent()) {
            record(key, address, "password-change", SignInAttempt.Outcome.THROTTLED, now);
            return new PasswordCheck(false, wait.get());
        }
        boolean matches = hasher.verify(password.toCharArray(), account.getPasswordHash());
        record(
                key,
                address,
                "password-change",
                matches ? SignInAttempt.Outcome.SUCCESS : SignInAttempt.Outcome.FAILURE,
                now);
        return new PasswordCheck(matches, null);
    }

    /** The account and its roles in one query, not two: every signed-in request asks. */
    private Account withRoles(long accountId) {
        return em.createNamedQuery(Account.WITH_ROLES, Account.class)
                .setParameter("id", accountId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Optional<Identity> identity(Account account) {
        if (account == null || account.isDisabled()) {
            return Optional.empty();
        }
        return Optional.of(Identity.of(account, account.effectiveRoles(today())));
    }

    /** What a session remembers of the account it signed in to: the credential epoch, which a take-back bumps. */
    public String sessionStamp(long accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null ? "" : sessionStamp(account);
    }

    private static String sessionStamp(Account account) {
        return "epoch:" + account.getCredentialEpoch();
    }

    private Account find(EmailAddress email) {
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private void record(
            String email, String address, String channel, SignInAttempt.Outcome outcome, OffsetDateTime now) {
        em.persist(new SignInAttempt(email, truncate(address), channel, outcome, now));
        LOG.info(() -> "Sign-in " + outcome + " for " + email + " from " + address + " via " + channel);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }

    private static String truncate(String value) {
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
