package org.ctoforum.platform.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ctoforum.platform.database.PortalDataSource;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Token buckets (Bucket4j) per account and per address for what is cheap to ask and dear to answer: searches and
 * downloads, and posts and sign-ups from one address. The buckets live in PostgreSQL (Bucket4j's own backend, one row
 * each, locked while taken), so a limit holds for the whole cluster, whichever node answers. They use a pool outside
 * the caller's transaction, because Bucket4j commits its own; a bucket that has filled up again expires and is swept.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    private static final int SWEEP_BATCH = 1000;

    /** What is limited, by whom, and how much per period. */
    public enum Limit {
        SEARCH_BY_ACCOUNT(PortalSetting.SEARCHES_PER_MINUTE, Duration.ofMinutes(1)),
        SEARCH_BY_ADDRESS(PortalSetting.SEARCHES_PER_MINUTE_PER_ADDRESS, Duration.ofMinutes(1)),
        DOWNLOAD_BY_ACCOUNT(PortalSetting.DOWNLOADS_PER_HOUR, Duration.ofHours(1)),
        DOWNLOAD_BY_ADDRESS(PortalSetting.DOWNLOADS_PER_HOUR_PER_ADDRESS, Duration.ofHours(1)),
        /** Per account, posts are counted in the database (see Threads), so that the count survives a restart. */
        POST_BY_ADDRESS(PortalSetting.POSTS_PER_MINUTE_PER_ADDRESS, Duration.ofMinutes(1)),
        /** Each sign-up hashes a password, and a flood of them would fill the account table. */
        SIGNUP_BY_ADDRESS(PortalSetting.SIGNUPS_PER_HOUR_PER_ADDRESS, Duration.ofHours(1));

        private final PortalSetting setting;
        private final Duration period;

        Limit(PortalSetting setting, Duration period) {
            this.setting = setting;
            this.period = period;
        }
    }

    @Inject
    Settings settings;

    @Resource(lookup = PortalDataSource.OUTSIDE_TRANSACTIONS_JNDI_NAME)
    DataSource outsideTransactions;

    @Resource
    ManagedScheduledExecutorService executor;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(outsideTransactions)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // Kept a little after it has filled up again, then forgotten: a full bucket and no bucket are alike.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        sweeper = executor.scheduleWithFixedDelay(this::forgetFullBuckets, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }

    /** Takes one from {@code who}'s bucket; empty when allowed, else how long to wait. */
    public Optional<Duration> take(Limit limit, String who) {
        int capacity = settings.number(limit.setting);
        ConsumptionProbe probe = buckets.builder()
                // A bucket stored under another capacity (the setting changed since) takes the new one.
                .withImplicitConfigurationReplacement(capacity, TokensInheritanceStrategy.PROPORTIONALLY)
                .build(limit.name() + ":" + who, () -> configuration(limit, capacity))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration configuration(Limit limit, int capacity) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        // All at once when the period has passed: 60 a minute means the 61st within the minute is
                        // refused, not allowed because one token trickled back meanwhile.
                        .refillIntervally(capacity, limit.period)
                        .build())
                .build();
    }

    private void forgetFullBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(SWEEP_BATCH);
            } while (removed == SWEEP_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expired rate-limit buckets could not be removed; the next sweep tries again", e);
        }
    }
}
