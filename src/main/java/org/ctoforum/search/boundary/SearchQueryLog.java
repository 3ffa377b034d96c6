package org.ctoforum.search.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.ctoforum.platform.settings.Settings;

/**
 * Counts what readers search for. Searches are counted in memory and added to {@code search_query_day} every few
 * seconds, so a search never waits on a database write; each node adds its own counts, and the upsert makes the
 * sums right however many nodes there are.
 */
@Singleton
@Lock(LockType.READ)
public class SearchQueryLog {

    private static final Logger LOG = Logger.getLogger(SearchQueryLog.class.getName());
    static final int MAX_QUERY_LENGTH = 200;
    private static final int KEEP_DAYS = 400;

    private record Key(LocalDate day, String query) {}

    /**
     * Taken with getAndSet(0), so no search slips between two flushes. A flush whose transaction fails loses what it
     * took: these are statistics, and the search itself never waits for them.
     */
    private static final class Counts {
        final AtomicLong searches = new AtomicLong();
        final AtomicLong zeroHits = new AtomicLong();
    }

    private final Map<Key, Counts> pending = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    /** Counts one search; blank and match-everything searches say nothing about interest, and are left out. */
    public void searched(String text, long total) {
        String query = normalized(text);
        if (query.isEmpty() || query.equals("*")) {
            return;
        }
        Counts counts = pending.computeIfAbsent(new Key(today(), query), key -> new Counts());
        // Searches before zero hits, and the flush reads them the other way round: zero hits never exceed searches.
        counts.searches.incrementAndGet();
        if (total == 0) {
            counts.zeroHits.incrementAndGet();
        }
    }

    /** Lower case, single spaces, and at most 200 characters, so that the same search typed twice counts once. */
    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        String query = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return query.length() <= MAX_QUERY_LENGTH ? query : query.substring(0, MAX_QUERY_LENGTH);
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void flush() {
        int queries = 0;
        LocalDate today = today();
        for (Map.Entry<Key, Counts> entry : pending.entrySet()) {
            Key key = entry.getKey();
            long zeroHits = entry.getValue().zeroHits.getAndSet(0);
            long searches = entry.getValue().searches.getAndSet(0);
            if (searches == 0 && zeroHits == 0) {
                if (key.day().isBefore(today)) {
                    pending.remove(key);
                }
                continue;
            }
            em.createNativeQuery("insert into search_query_day (day, query, searches, zero_hits) values (?, ?, ?, ?)"
                            + " on conflict (day, query) do update set searches = search_query_day.searches"
                            + " + excluded.searches, zero_hits = search_query_day.zero_hits + excluded.zero_hits")
                    .setParameter(1, key.day())
                    .setParameter(2, key.query())
                    .setParameter(3, searches)
                    .setParameter(4, zeroHits)
                    .executeUpdate();
            queries++;
        }
        if (queries > 0) {
            int flushed = queries;
            LOG.fine(() -> "Recorded the counts of " + flushed + " search queries");
        }
    }

    /** About a year, enough to compare one forum season with the last. */
    @Schedule(hour = "3", minute = "41", persistent = false)
    public void prune() {
        int removed = em.createNativeQuery("delete from search_query_day where day < ?")
                .setParameter(1, today().minusDays(KEEP_DAYS))
                .executeUpdate();
        LOG.info(() -> "Removed " + removed + " day counts of search queries older than " + KEEP_DAYS + " days");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }

    @PreDestroy
    void lastFlush() {
        flush();
    }
}
