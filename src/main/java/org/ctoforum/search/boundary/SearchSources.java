package org.ctoforum.search.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;
import org.ctoforum.search.control.SearchDocument;
import org.ctoforum.search.control.SearchIndex;

/**
 * Reads searchable content from the database: what one change means for the index, batches for a rebuild, and the
 * change log itself. What each item looks like in the index is {@link Documents}' business.
 */
@Stateless
public class SearchSources {

    /** Kinds a rebuild walks through, in this order. */
    public static final List<Content> REBUILT =
            List.of(Content.REPORT, Content.LIBRARY_ENTRY, Content.SESSION, Content.THREAD, Content.POST);

    /** A rebuild only reads: EclipseLink then skips the copy it keeps of each entity to detect changes. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    public record Change(Content content, long id) {}

    /** Changes after {@code cursor}, and where the next read starts. */
    public record Changes(List<Change> changes, SearchIndex.Cursor next) {}

    /** What to remove from the index and what to put in it. */
    public record Update(List<String> removeKeys, List<String> removeChildrenOf, List<SearchDocument> put) {
        static Update empty() {
            return new Update(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
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
            case CATEGORY -> category(change.id());
            case THREAD -> thread(change.id());
            case POST -> post(change.id());
            case SYNONYMS -> Update.empty();
            case AUTHOR -> author(change.id());
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
            case THREAD -> threads(afterId, size);
            case POST -> posts(afterId, size);
            default -> new Batch(List.of(), afterId, 0);
        };
    }

    private static <T> Batch batchOf(List<T> rows, Function<T, Long> id, Function<T, List<SearchDocument>> documents) {
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
                .createNativeQuery("select account_id from report_grant where report_id = ?")
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
        Update update = Update.empty();
        em.createQuery("select s.id from ForumSession s where s.editionId = :e", Long.class)
                .setParameter("e", id)
                .getResultList()
                .forEach(sessionId -> update.add(session(sessionId)));
        return update;
    }

    private Update category(long id) {
        Update update = Update.empty();
        em.createQuery("select t.id from DiscussionThread t where t.categoryId = :c", Long.class)
                .setParameter("c", id)
                .getResultList()
                .forEach(threadId -> update.add(thread(threadId)));
        return update;
    }

    /** The threads an account wrote in, where its name shows: each read whole, its names loaded in one query. */
    private Update author(long accountId) {
        Update update = Update.empty();
        em.createQuery(
                        "select distinct t.id from DiscussionThread t, Post p where p.threadId = t.id"
                                + " and p.authorId = :a and t.chathamHouse = false",
                        Long.class)
                .setParameter("a", accountId)
                .getResultList()
                .forEach(threadId -> update.add(thread(threadId)));
        return update;
    }

    /** A thread and all its posts: its title, rule and category show in every one of them. */
    private Update thread(long id) {
        Update update = Update.empty();
        update.removeKeys.add(SearchDocument.key(Documents.THREAD, id));
        update.removeChildrenOf.add(SearchDocument.key(Documents.THREAD, id));
        DiscussionThread thread = em.find(DiscussionThread.class, id);
        if (thread == null) {
            return update;
        }
        List<Post> posts = em.createQuery("select p from Post p where p.threadId = :t order by p.id", Post.class)
                .setParameter("t", id)
                .getResultList();
        Category category = em.find(Category.class, thread.getCategoryId());
        Map<Long, String> names = names(authors(List.of(thread), posts));
        Post first = posts.isEmpty() ? null : posts.get(0);
        Documents.thread(thread, category, first, names).ifPresent(update.put::add);
        for (Post post : posts.subList(Math.min(1, posts.size()), posts.size())) {
            Documents.post(post, thread, category, names).ifPresent(update.put::add);
        }
        return update;
    }

    private Update post(long id) {
        Post post = em.find(Post.class, id);
        if (post == null) {
            Update update = Update.empty();
            update.removeKeys.add(SearchDocument.key(Documents.POST, id));
            return update;
        }
        long first = em.createQuery("select min(p.id) from Post p where p.threadId = :t", Long.class)
                .setParameter("t", post.getThreadId())
                .getSingleResult();
        if (first == id) {
            return thread(post.getThreadId());
        }
        Update update = Update.empty();
        update.removeKeys.add(SearchDocument.key(Documents.POST, id));
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        Category category = em.find(Category.class, thread.getCategoryId());
        Documents.post(post, thread, category, names(authors(List.of(thread), List.of(post))))
                .ifPresent(update.put::add);
        return update;
    }

    private Batch sessions(long afterId, int size) {
        List<ForumSession> sessions = em.createQuery(
                        "select s from ForumSession s where s.id > :after order by s.id", ForumSession.class)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        Map<Long, Edition> editions = byId(
                Edition.class,
                Edition::getId,
                sessions.stream().map(ForumSession::getEditionId).collect(Collectors.toSet()));
        return batchOf(
                sessions,
                ForumSession::getId,
                session -> Documents.session(session, editions.get(session.getEditionId())).stream()
                        .toList());
    }

    private Batch threads(long afterId, int size) {
        List<DiscussionThread> threads = em.createQuery(
                        "select t from DiscussionThread t where t.id > :after order by t.id", DiscussionThread.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (threads.isEmpty()) {
            return new Batch(List.of(), afterId, 0);
        }
        Set<Long> ids = threads.stream().map(DiscussionThread::getId).collect(Collectors.toSet());
        Map<Long, Post> firsts = new HashMap<>();
        em.createQuery(
                        "select p from Post p where p.id in (select min(q.id) from Post q where q.threadId in :ids"
                                + " group by q.threadId)",
                        Post.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(post -> firsts.put(post.getThreadId(), post));
        Map<Long, Category> categories = categories();
        Map<Long, String> names = names(authors(threads, firsts.values()));
        return batchOf(
                threads,
                DiscussionThread::getId,
                thread ->
                        Documents.thread(
                                        thread,
                                        categories.get(thread.getCategoryId()),
                                        firsts.get(thread.getId()),
                                        names)
                                .stream()
                                .toList());
    }

    private Batch posts(long afterId, int size) {
        List<Post> posts = em.createQuery("select p from Post p where p.id > :after order by p.id", Post.class)
                .setHint(READ_ONLY, true)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        if (posts.isEmpty()) {
            return new Batch(List.of(), afterId, 0);
        }
        Set<Long> threadIds = posts.stream().map(Post::getThreadId).collect(Collectors.toSet());
        Map<Long, DiscussionThread> threads = byId(DiscussionThread.class, DiscussionThread::getId, threadIds);
        Set<Long> firsts = new HashSet<>(
                em.createQuery("select min(p.id) from Post p where p.threadId in :ids group by p.threadId", Long.class)
                        .setParameter("ids", threadIds)
                        .getResultList());
        Map<Long, Category> categories = categories();
        Map<Long, String> names = names(authors(threads.values(), posts));
        return batchOf(posts, Post::getId, post -> {
            if (firsts.contains(post.getId())) {
                return List.of();
            }
            DiscussionThread thread = threads.get(post.getThreadId());
            return Documents.post(post, thread, categories.get(thread.getCategoryId()), names).stream()
                    .toList();
        });
    }

    private Map<Long, Category> categories() {
        return em.createQuery("select c from Category c", Category.class).getResultList().stream()
                .collect(Collectors.toMap(Category::getId, Function.identity()));
    }

    private <T> Map<Long, T> byId(Class<T> type, Function<T, Long> id, Collection<Long> ids) {
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

    private static Set<Long> authors(Collection<DiscussionThread> threads, Collection<Post> posts) {
        Set<Long> ids = new HashSet<>();
        threads.forEach(thread -> ids.add(thread.getAuthorId()));
        posts.forEach(post -> ids.add(post.getAuthorId()));
        return ids;
    }

    private Map<Long, String> names(Set<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        people.byIds(accountIds).forEach((id, person) -> names.put(id, person.displayName()));
        return names;
    }
}
