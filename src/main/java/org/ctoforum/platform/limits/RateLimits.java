package org.ctoforum.platform.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Token buckets (Bucket4j) per account and per address for what is cheap to ask and dear to answer: searches and
 * downloads, and posts from one address. The buckets live in this node's memory, so behind a load balancer each
 * node allows its own share; a bucket that has filled up again is forgotten.
 */
@ApplicationScoped
public class RateLimits {

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

    private record Key(Limit limit, String who) {}

    @Inject
    Settings settings;

    @Resource
    ManagedScheduledExecutorService executor;

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeper;

    @PostConstruct
    void start() {
        sweeper = executor.scheduleWithFixedDelay(this::forgetFullBuckets, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        sweeper.cancel(false);
    }

    /** Takes one from {@code who}'s bucket; empty when allowed, else how long to wait. */
    public Optional<Duration> take(Limit limit, String who) {
        ConsumptionProbe probe = buckets.computeIfAbsent(new Key(limit, who), key -> bucket(limit))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(Limit limit) {
        int capacity = settings.number(limit.setting);
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, limit.period)
                        .build())
                .build();
    }

    private void forgetFullBuckets() {
        buckets.entrySet()
                .removeIf(entry ->
                        entry.getValue().getAvailableTokens() >= settings.number(entry.getKey().limit.setting));
    }
}
