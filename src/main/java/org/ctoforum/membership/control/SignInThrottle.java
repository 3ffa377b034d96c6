package org.ctoforum.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.ctoforum.membership.entity.SignInAttempt;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Refuses sign-ins after too many recent failures for one email or from one address. It counts the attempts table
 * in PostgreSQL, so every node of a cluster sees the same count.
 */
@ApplicationScoped
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    /** How long the caller must wait, or empty when it may try now. */
    public Optional<Duration> waitBefore(String email, String address, OffsetDateTime now) {
        Duration window = settings.minutes(PortalSetting.SIGNIN_WINDOW_MINUTES);
        OffsetDateTime since = now.minus(window);
        Optional<Duration> byEmail = wait(
                "email", email, since, settings.number(PortalSetting.SIGNIN_MAX_FAILURES_PER_ACCOUNT), window, now);
        Optional<Duration> byAddress = wait(
                "address", address, since, settings.number(PortalSetting.SIGNIN_MAX_FAILURES_PER_ADDRESS), window, now);
        return byEmail.isPresent() ? byEmail : byAddress;
    }

    private Optional<Duration> wait(
            String column, String value, OffsetDateTime since, int limit, Duration window, OffsetDateTime now) {
        // The limit-th most recent failure in the window decides when a slot frees up.
        var rows = em.createNativeQuery("select attempted_at from sign_in_attempt where outcome = ?4 and " + column
                        + " = ?1 and attempted_at > ?2 order by attempted_at desc offset ?3 limit 1")
                .setParameter(1, value)
                .setParameter(2, since)
                .setParameter(3, limit - 1)
                .setParameter(4, SignInAttempt.Outcome.FAILURE.name())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime oldestCounted = SqlValues.moment(rows.get(0));
        Duration wait = Duration.between(now, oldestCounted.plus(window));
        return wait.isNegative() ? Optional.empty() : Optional.of(wait.plusSeconds(1));
    }
}
