package org.ctoforum.search.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;
import org.ctoforum.search.control.SearchDocument;
import org.ctoforum.search.control.SearchIndex;

/**
 * Reads searchable content from the database: what one change means for the index, batches for a rebuild, and the
 * change log itself. Discussions are {@link DiscussionSources}' part; what each item looks like in the index is
 * {@link Documents}' business.
 */
@Stateless
public class SearchSources {

    /** Kinds a rebuild walks through, in this order. */
    public static final List<Content> REBUILT =
            List.of(Content.REPORT, Content.LIBRARY_ENTRY, Content.SESSION, Content.THREAD, Content.POST);

    @PersistenceContext
    EntityManager em;

    @Inject
    DiscussionSources discussions;

    public record Change(Content content, long id) {}

    /** Changes after {@code cursor}, and where the next read starts. */
    public record Changes(List<Change> changes, SearchIndex.Cursor next) {}

    /** What to remove from the index and what to put in it. */
    public record Update(List<String> removeKeys, List<String> removeChildrenOf, List<SearchDocument> put) {
        static Update empty() {
            return new Update(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** The updates of several items, one after another: what a change to a container means. */
        static Update ofEach(List<Long> ids, LongFunction<Update> update) {
            Update all = empty();
            ids.forEach(id -> all.add(update.apply(id)));
            return all;
        }

        void add(Update other) {
            removeKeys.addAll(other.removeKeys);
            removeChildrenOf.addAll(other.removeChildrenOf);
            put.addAll(other.put);
        }
    }

    /** One batch of a rebuild: the documents, the last id read, and how many rows were read. */
    public record Batch(List<SearchDocument> documents, long lastId, int rows) {}

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

    /** Forgets changes every index has long applied; an index older than this is rebuilt at start. */
    public int forgetChangesBefore(OffsetDateTime moment) {
        return em.createNativeQuery("delete from search_change where recorded_at < ?")
                .setParameter(1, moment)
                .executeUpdate();
    }

    public List<String> synonyms() {
        return em.createNativeQuery("select terms from search_synonym order by id").getResultList().stream()
                .map(String.class::cast)
                .toList();
    }

    /** What the index must do for these changes, read in one transaction. */
    public List<Update> updates(Collection<Change> changes) {
        return changes.stream().map(this::update).toList();
    }

    private Update update(Change change) {
        return switch (change.content()) {
            case REPORT -> report(change.id());
            case LIBRARY_ENTRY -> libraryEntry(change.id());
            case SESSION -> session(change.id());
            case EDITION -> edition(change.id());
            case CATEGORY -> discussions.category(change.id());
            case THREAD -> discussions.thread(change.id());
            case POST -> discussions.post(change.id());
            case SYNONYMS -> Update.empty();
            case AUTHOR -> discussions.author(change.id());
        };
    }

    public long count(Content content) {
        String jpql =
                switch (content) {
                    case REPORT -> "select count(r) from Report r where r.status in :released";
                    case LIBRARY_ENTRY -> "select count(e) from LibraryEntry e";
                    case SESSION -> "select count(s) from ForumSession s";
                    case THREAD -> "select count(t) from DiscussionThread t";
                    case POST -> "select count(p) from Post p";
                    default -> null;
                };
        if (jpql == null) {
            return 0;
        }
        var query = em.createQuery(jpql, Long.class);
        if (content == Content.REPORT) {
            query.setParameter("released", Documents.RELEASED);
        }
        return query.getSingleResult();
    }

    /** The next batch of one kind for a rebuild, by id. */
    public Batch batch(Content content, long afterId, int size) {
        return switch (content) {
            case REPORT -> batchOf(
                    em.createQuery(
                                    "select r from Report r where r.id > :after and r.status in :released order by r.id",
                                    Report.class)
                            .setParameter("after", afterId)
                            .setParameter("released", Documents.RELEASED)
                            .setMaxResults(size)
                            .getResultList(),
                    Report::getId,
                    report -> report(report.getId()).put());
            case LIBRARY_ENTRY -> batchOf(
                    em.createQuery("select e from LibraryEntry e where e.id > :after order by e.id", LibraryEntry.class)
                            .setParameter("after", afterId)
                            .setMaxResults(size)
                            .getResultList(),
                    LibraryEntry::getId,
                    entry -> List.of(Documents.libraryEntry(entry)));
            case SESSION -> sessions(afterId, size);
            case THREAD -> discussions.threads(afterId, size);
            case POST -> discussions.posts(afterId, size);
            default -> new Batch(List.of(), afterId, 0);
        };
    }

    static <T> Batch batchOf(List<T> rows, Function<T, Long> id, Function<T, List<SearchDocument>> documents) {
        List<SearchDocument> all = new ArrayList<>();
        long last = 0;
        for (T row : rows) {
            all.addAll(documents.apply(row));
            last = id.apply(row);
        }
        return new Batch(all, last, rows.size());
    }

    private Update report(long id) {
        Update update = Update.empty();
        update.removeKeys.add(SearchDocument.key(Documents.REPORT, id));
        update.removeChildrenOf.add(SearchDocument.key(Documents.REPORT, id));
        Report report = em.find(Report.class, id);
        if (report == null || !Documents.RELEASED.contains(report.getStatus())) {
            return update;
        }
        List<ReportVersion> latest = em.createQuery(
                        "select v from ReportVersion v where v.reportId = :r order by v.number desc",
                        ReportVersion.class)
                .setParameter("r", id)
                .setMaxResults(1)
                .getResultList();
        List<Long> grantees = em
                .createNativeQuery("select account_id from report_grant where report_id = ? and revoked_at is null")
                .setParameter(1, id)
                .getResultList()
                .stream()
                .map(value -> ((Number) value).longValue())
                .toList();
        List<ReportSection> sections = em.createQuery(
                        "select s from ReportSection s where s.reportId = :r order by s.position", ReportSection.class)
                .setParameter("r", id)
                .getResultList();
        String text = latest.isEmpty() ? "" : latest.get(0).getText();
        update.put.addAll(Documents.report(report, text, grantees, sections));
        return update;
    }

    private Update libraryEntry(long id) {
        Update update = Update.empty();
        update.removeKeys.add(SearchDocument.key(Documents.LIBRARY, id));
        LibraryEntry entry = em.find(LibraryEntry.class, id);
        if (entry != null) {
            update.put.add(Documents.libraryEntry(entry));
        }
        return update;
    }

    private Update session(long id) {
        Update update = Update.empty();
        update.removeKeys.add(SearchDocument.key(Documents.SESSION, id));
        ForumSession session = em.find(ForumSession.class, id);
        if (session != null) {
            Edition edition = em.find(Edition.class, session.getEditionId());
            Documents.session(session, edition).ifPresent(update.put::add);
        }
        return update;
    }

    private Update edition(long id) {
        return Update.ofEach(
                em.createQuery("select s.id from ForumSession s where s.editionId = :e", Long.class)
                        .setParameter("e", id)
                        .getResultList(),
                this::session);
    }

    private Batch sessions(long afterId, int size) {
        List<ForumSession> sessions = em.createQuery(
                        "select s from ForumSession s where s.id > :after order by s.id", ForumSession.class)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        Map<Long, Edition> editions = byId(
                em,
                Edition.class,
                Edition::getId,
                sessions.stream().map(ForumSession::getEditionId).collect(Collectors.toSet()));
        return batchOf(
                sessions,
                ForumSession::getId,
                session -> Documents.session(session, editions.get(session.getEditionId())).stream()
                        .toList());
    }

    static <T> Map<Long, T> byId(EntityManager em, Class<T> type, Function<T, Long> id, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String entity = type.getSimpleName();
        return em
                .createQuery("select x from " + entity + " x where x.id in :ids", type)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(id, Function.identity()));
    }
}
