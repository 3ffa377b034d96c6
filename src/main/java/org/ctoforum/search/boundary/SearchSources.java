package org.ctoforum.search.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.SearchSource;
import org.ctoforum.search.control.SearchIndex;

/**
 * The database side of search: the change log, the synonyms, and the features' {@link SearchSource}s, which say what
 * each change means for the index and give the batches of a rebuild. Search knows no feature: it asks whichever source
 * answers for a kind of change.
 */
@Stateless
public class SearchSources {

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<SearchSource> features;

    /** The advisory lock that makes one node at a time trim the change log. */
    private static final long TRIM_LOCK = 0x5EA2C4_0001L;

    private volatile Map<Content, SearchSource> byChange;

    public record Change(Content content, long id) {}

    /** Changes after {@code cursor}, and where the next read starts. */
    public record Changes(List<Change> changes, SearchIndex.Cursor next) {}

    /** The first transaction that may still be running: every change before it is final. */
    public SearchIndex.Cursor horizon() {
        Number xmin = (Number) em.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult();
        return new SearchIndex.Cursor(xmin.longValue(), 0);
    }

    /**
     * Changes after the cursor from finished transactions only. Reading up to the oldest running transaction means a
     * change committed late by a slow transaction is never skipped.
     */
    public Changes changesAfter(SearchIndex.Cursor cursor, int limit) {
        SearchIndex.Cursor horizon = horizon();
        List<?> rows = em.createNativeQuery("select txid, seq, content, item_id from search_change"
                        + " where (txid, seq) > (?, ?) and txid < ? order by txid, seq limit ?")
                .setParameter(1, cursor.txid())
                .setParameter(2, cursor.seq())
                .setParameter(3, horizon.txid())
                .setParameter(4, limit)
                .getResultList();
        List<Change> changes = new ArrayList<>();
        SearchIndex.Cursor last = cursor;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            changes.add(new Change(Content.valueOf((String) columns[2]), ((Number) columns[3]).longValue()));
            last = new SearchIndex.Cursor(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        boolean all = rows.size() < limit;
        SearchIndex.Cursor next = all && horizon.txid() > cursor.txid() ? horizon : last;
        return new Changes(changes, next);
    }

    /** Records how far this node's index has applied the log, so that the log is kept for it. */
    public void reportNode(String node, SearchIndex.Cursor cursor) {
        em.createNativeQuery("insert into search_node (node, txid, seq, seen_at) values (?, ?, ?, now())"
                        + " on conflict (node) do update set txid = excluded.txid, seq = excluded.seq,"
                        + " seen_at = excluded.seen_at")
                .setParameter(1, node)
                .setParameter(2, cursor.txid())
                .setParameter(3, cursor.seq())
                .executeUpdate();
    }

    /** One node's place in the change log, as it last reported it. */
    public record NodePlace(String node, long txid, long seq, OffsetDateTime seenAt) {}

    /** Every node's place, the slowest first: the one that holds the log back. */
    public List<NodePlace> nodes() {
        List<?> rows = em.createNativeQuery("select node, txid, seq, seen_at from search_node order by txid, seq, node")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(columns -> new NodePlace(
                        (String) columns[0],
                        ((Number) columns[1]).longValue(),
                        ((Number) columns[2]).longValue(),
                        SqlValues.moment(columns[3])))
                .toList();
    }

    /** The last change the log has forgotten: an index whose cursor lies below it has missed changes. */
    public SearchIndex.Cursor trimmedUpTo() {
        Object[] row = (Object[]) em.createNativeQuery("select txid, seq from search_change_trim where id = 1")
                .getSingleResult();
        return new SearchIndex.Cursor(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Forgets the changes that every node seen within the retention has applied, and any change older than the
     * retention, and moves the trim mark past them. One node at a time: the others find the lock taken and skip.
     */
    public Trimmed forgetAppliedChanges(int retentionDays) {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?)")
                .setParameter(1, TRIM_LOCK)
                .getSingleResult();
        if (!mine) {
            return new Trimmed(0, null);
        }
        em.createNativeQuery("delete from search_node where seen_at < now() - make_interval(days => ?)")
                .setParameter(1, retentionDays)
                .executeUpdate();
        List<?> slowest = em.createNativeQuery("select txid, seq from search_node order by txid, seq limit 1")
                .getResultList();
        Object[] below = slowest.isEmpty() ? new Object[] {0L, 0L} : (Object[]) slowest.get(0);
        Object[] gone = (Object[]) em.createNativeQuery("with gone as (delete from search_change"
                        + " where (txid, seq) <= (?, ?) or recorded_at < now() - make_interval(days => ?)"
                        + " returning txid, seq)"
                        + " select count(*), (select txid from gone order by txid desc, seq desc limit 1),"
                        + " (select seq from gone order by txid desc, seq desc limit 1) from gone")
                .setParameter(1, ((Number) below[0]).longValue())
                .setParameter(2, ((Number) below[1]).longValue())
                .setParameter(3, retentionDays)
                .getSingleResult();
        int count = ((Number) gone[0]).intValue();
        if (count == 0) {
            return new Trimmed(0, null);
        }
        SearchIndex.Cursor upTo =
                new SearchIndex.Cursor(((Number) gone[1]).longValue(), ((Number) gone[2]).longValue());
        em.createNativeQuery("update search_change_trim set txid = ?, seq = ? where id = 1 and (txid, seq) < (?, ?)")
                .setParameter(1, upTo.txid())
                .setParameter(2, upTo.seq())
                .setParameter(3, upTo.txid())
                .setParameter(4, upTo.seq())
                .executeUpdate();
        return new Trimmed(count, upTo);
    }

    /** How many changes a trim forgot, and the last of them; {@code upTo} is null when none. */
    public record Trimmed(int count, SearchIndex.Cursor upTo) {}

    public List<String> synonyms() {
        return em.createNativeQuery("select terms from search_synonym order by id").getResultList().stream()
                .map(String.class::cast)
                .toList();
    }

    /** What the index must do for these changes, read in one transaction. */
    public List<IndexUpdate> updates(Collection<Change> changes) {
        return changes.stream()
                .map(change -> change.content() == Content.SYNONYMS
                        ? IndexUpdate.empty()
                        : source(change.content()).update(change.content(), change.id()))
                .toList();
    }

    /** The kinds a rebuild reads, in the order of their declaration. */
    public List<Content> rebuilt() {
        return sources().values().stream()
                .distinct()
                .flatMap(source -> source.rebuilt().stream())
                .sorted()
                .toList();
    }

    public long count(Content content) {
        return source(content).count(content);
    }

    /** The next batch of one kind for a rebuild, by id. */
    public IndexBatch batch(Content content, long afterId, int size) {
        return source(content).batch(content, afterId, size);
    }

    private SearchSource source(Content content) {
        SearchSource source = sources().get(content);
        if (source == null) {
            throw new IllegalStateException("No search source answers for " + content + " changes");
        }
        return source;
    }

    private Map<Content, SearchSource> sources() {
        Map<Content, SearchSource> known = byChange;
        if (known == null) {
            known = new EnumMap<>(Content.class);
            for (SearchSource source : features) {
                for (Content content : source.changes()) {
                    SearchSource before = known.put(content, source);
                    if (before != null) {
                        throw new IllegalStateException(content + " changes have two search sources: "
                                + before.getClass().getName() + " and "
                                + source.getClass().getName());
                    }
                }
            }
            byChange = known;
        }
        return known;
    }
}
