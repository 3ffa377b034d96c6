package org.ctoforum.discussions.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.discussions.control.Attribution;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.WatchLevel;
import org.ctoforum.forums.boundary.ForumReferences;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.LabelledCount;
import org.ctoforum.reports.boundary.SectionReferences;

/**
 * The thread lists: a category's or tag's threads by latest activity with keyset pagination, a forum edition's
 * threads by session, and a report's by section. One row per thread, and the reader's unread counts in one query for the page.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class ThreadLists {

    public record ThreadList(List<ThreadSummary> threads, String next) implements Serializable {}

    /** How far back "most active" looks. */
    public static final int ACTIVE_DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    Categories categories;

    @Inject
    Watches watches;

    @Inject
    People people;

    @Inject
    ForumReferences forums;

    @Inject
    SectionReferences sections;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /**
     * Visible threads, latest activity first; pinned ones lead the first page. {@code category} is an id or a slug;
     * {@code after} is the {@code next} of the previous page.
     */
    public ThreadList list(String category, String tag, String after, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        List<Category> readable = categories.readable();
        if (category != null && !category.isBlank()) {
            Category chosen = category.matches("\\d+")
                    ? categories.readableCategory(Long.parseLong(category))
                    : categories.bySlug(category).orElseThrow(() -> ProblemException.notFound("Category " + category));
            readable = List.of(chosen);
        }
        if (readable.isEmpty()) {
            return new ThreadList(List.of(), null);
        }
        String categoryIds =
                readable.stream().map(c -> String.valueOf(c.getId())).collect(Collectors.joining(","));
        Cursor cursor = Cursor.parse(after);
        List<Long> ids = new ArrayList<>();
        if (cursor == null) {
            ids.addAll(threadIds(categoryIds, tag, true, null, 20));
        }
        List<Long> page = threadIds(categoryIds, tag, false, cursor, limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = Cursor.after(em.find(DiscussionThread.class, page.get(limit - 1)));
        }
        ids.addAll(page);
        return new ThreadList(summaries(ids), next);
    }

    /**
     * The most active threads the caller may read: by visible posts in the last {@link #ACTIVE_DAYS} days, then by
     * latest post. Only the latest few hundred threads are weighed, so the cost does not grow with the archive.
     */
    public List<ThreadTeaser> mostActive(int max) {
        String categoryIds = readableCategoryIds();
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("with latest as (select t.id, t.title, t.category_id, t.post_count,"
                        + " t.last_post_at from discussion_thread t where t.status = ?1 and t.category_id in ("
                        + categoryIds + ") order by t.last_post_at desc, t.id desc limit 300)"
                        + " select l.id, l.title, c.name, c.slug, l.post_count, l.last_post_at,"
                        + " (select count(*) from discussion_post p where p.thread_id = l.id and p.status = ?2"
                        + " and p.created_at >= ?3) as recent"
                        + " from latest l join discussion_category c on c.id = l.category_id"
                        + " order by recent desc, l.last_post_at desc, l.id desc limit ?4")
                .setParameter(1, DiscussionThread.Status.VISIBLE.name())
                .setParameter(2, Post.Status.VISIBLE.name())
                .setParameter(3, OffsetDateTime.now(clock).minusDays(ACTIVE_DAYS))
                .setParameter(4, max)
                .getResultList();
        return rows.stream().map(row -> teaser((Object[]) row, null, null)).toList();
    }

    /**
     * The threads the caller has opened and not muted that have visible posts they have not read, latest first; a
     * thread follows its category's level unless the member chose one for it.
     */
    public List<ThreadTeaser> unreadFollowed(int max) {
        long account = caller.requireAccountId();
        String categoryIds = readableCategoryIds();
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select t.id, t.title, c.name, c.slug, t.post_count, t.last_post_at,"
                        + " 0, count(p.id), min(p.id)"
                        + " from discussion_read_mark m"
                        + " join discussion_thread t on t.id = m.thread_id and t.status = ?2"
                        + " join discussion_category c on c.id = t.category_id"
                        + " join discussion_post p on p.thread_id = t.id and p.status = ?3 and p.id > m.last_read_id"
                        + " left join discussion_watch wt on wt.account_id = m.account_id and wt.thread_id = t.id"
                        + " left join discussion_watch wc on wc.account_id = m.account_id"
                        + " and wc.category_id = t.category_id"
                        + " where m.account_id = ?1 and t.category_id in (" + categoryIds + ")"
                        + " and coalesce(wt.level, wc.level, ?4) <> ?5"
                        + " group by t.id, t.title, c.name, c.slug, t.post_count, t.last_post_at"
                        + " order by t.last_post_at desc, t.id desc limit ?6")
                .setParameter(1, account)
                .setParameter(2, DiscussionThread.Status.VISIBLE.name())
                .setParameter(3, Post.Status.VISIBLE.name())
                .setParameter(4, WatchLevel.TRACKING.name())
                .setParameter(5, WatchLevel.MUTED.name())
                .setParameter(6, max)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return teaser(columns, ((Number) columns[7]).longValue(), ((Number) columns[8]).longValue());
                })
                .toList();
    }

    /** The visible threads about the sessions of a forum edition, by session, for the edition's page. */
    public Map<Long, List<ThreadSummary>> forEdition(long editionId) {
        List<Long> sessions = forums.sessionsOf(editionId);
        if (sessions.isEmpty()) {
            return Map.of();
        }
        Set<Long> readable = readableIds();
        List<Long> ids = em.createQuery(
                        "select t.id from DiscussionThread t where t.sessionId in :sessions and t.status = :visible"
                                + " order by t.lastPostAt desc",
                        Long.class)
                .setParameter("sessions", sessions)
                .setParameter("visible", DiscussionThread.Status.VISIBLE)
                .getResultList();
        return summaries(ids).stream()
                .filter(t -> readable.contains(t.categoryId()))
                .collect(Collectors.groupingBy(ThreadSummary::sessionId));
    }

    /**
     * The visible threads about a report's sections that the caller may read, latest activity first; {@code anchor}
     * narrows them to one section. A report the caller may not see answers 404, so a draft's threads stay unasked.
     */
    public List<ThreadSummary> forReport(long reportId, String anchor) {
        sections.requireVisible(reportId);
        Set<Long> readable = readableIds();
        if (readable.isEmpty()) {
            return List.of();
        }
        var query = em.createQuery(
                        "select t.id from DiscussionThread t where t.section.reportId = :reportId"
                                + " and t.status = :visible and t.categoryId in :readable"
                                + (anchor == null ? "" : " and t.section.anchor = :anchor")
                                + " order by t.lastPostAt desc, t.id desc",
                        Long.class)
                .setParameter("reportId", reportId)
                .setParameter("visible", DiscussionThread.Status.VISIBLE)
                .setParameter("readable", readable);
        if (anchor != null) {
            query.setParameter("anchor", anchor);
        }
        return summaries(query.getResultList());
    }

    /** How many visible threads about each of a report's sections the caller may read, in one query. */
    public Map<String, Long> sectionCounts(long reportId) {
        Set<Long> readable = readableIds();
        if (readable.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "select t.section.anchor, count(t) from DiscussionThread t"
                                + " where t.section.reportId = :reportId and t.status = :visible"
                                + " and t.categoryId in :readable group by t.section.anchor",
                        Object[].class)
                .setParameter("reportId", reportId)
                .setParameter("visible", DiscussionThread.Status.VISIBLE)
                .setParameter("readable", readable)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    private Set<Long> readableIds() {
        return categories.readable().stream().map(Category::getId).collect(Collectors.toSet());
    }

    /** Visible posts per category and week ({@code YYYY-MM-DD} of the week's Monday in {@code zone}) since a moment (staff). */
    public List<LabelledCount> visiblePostsPerWeek(OffsetDateTime since, ZoneId zone) {
        caller.require(Role.STAFF, "see discussion figures");
        List<?> rows = em.createNativeQuery("select c.id, c.name,"
                        + " to_char(date_trunc('week', p.created_at at time zone ?), 'YYYY-MM-DD'), count(*)"
                        + " from discussion_post p join discussion_thread t on t.id = p.thread_id"
                        + " join discussion_category c on c.id = t.category_id"
                        + " where p.status = ? and p.created_at >= ? group by 1, 2, 3")
                .setParameter(1, zone.getId())
                .setParameter(2, Post.Status.VISIBLE.name())
                .setParameter(3, since)
                .getResultList();
        return rows.stream().map(LabelledCount::of).toList();
    }

    private List<Long> threadIds(String categoryIds, String tag, boolean pinned, Cursor cursor, int limit) {
        StringBuilder sql = new StringBuilder(
                        "select t.id from discussion_thread t where t.status = ?4 and t.category_id in (")
                .append(categoryIds)
                .append(") and t.pinned = ")
                .append(pinned);
        boolean byTag = tag != null && !tag.isBlank();
        if (byTag) {
            sql.append(" and exists (select 1 from discussion_thread_tag g where g.thread_id = t.id and g.tag = ?1)");
        }
        if (cursor != null) {
            sql.append(" and (t.last_post_at, t.id) < (?2, ?3)");
        }
        sql.append(" order by t.last_post_at desc, t.id desc limit ").append(limit);
        var query = em.createNativeQuery(sql.toString()).setParameter(4, DiscussionThread.Status.VISIBLE.name());
        if (byTag) {
            query.setParameter(1, tag.strip().toLowerCase(Locale.ROOT));
        }
        if (cursor != null) {
            query.setParameter(2, cursor.lastPostAt()).setParameter(3, cursor.id());
        }
        return ((List<?>) query.getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
    }

    private List<ThreadSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, DiscussionThread> threads = em.createQuery(
                        "select t from DiscussionThread t where t.id in :ids", DiscussionThread.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch", "t.tags")
                .setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .collect(Collectors.toMap(DiscussionThread::getId, Function.identity()));
        Map<Long, Category> categoriesById = em.createQuery("select c from Category c", Category.class)
                .getResultStream()
                .collect(Collectors.toMap(Category::getId, Function.identity()));
        Set<Long> namedAuthors = new HashSet<>();
        threads.values().stream().filter(t -> !t.isChathamHouse()).forEach(t -> namedAuthors.add(t.getAuthorId()));
        Map<Long, Person> authors = people.byIds(namedAuthors);
        Map<Long, long[]> unread =
                caller.accountId().map(me -> watches.unread(me, ids)).orElse(Map.of());
        boolean signedIn = caller.signedIn();
        List<ThreadSummary> summaries = new ArrayList<>();
        for (Long id : ids) {
            DiscussionThread t = threads.get(id);
            Category c = categoriesById.get(t.getCategoryId());
            Person author = authors.get(t.getAuthorId());
            long[] counts = unread.get(id);
            boolean fresh = signedIn && counts == null;
            summaries.add(new ThreadSummary(
                    t.getId(),
                    t.getTitle(),
                    c.getId(),
                    c.getSlug(),
                    c.getName(),
                    t.isChathamHouse(),
                    Attribution.shown(t.isChathamHouse(), author == null ? null : author.displayName()),
                    t.isPinned(),
                    t.isLocked(),
                    t.getPostCount(),
                    t.getLastPostAt().toString(),
                    List.copyOf(t.getTags()),
                    t.getSessionId(),
                    t.getSection() == null ? null : t.getSection().getReportId(),
                    t.getSection() == null ? null : t.getSection().getAnchor(),
                    !signedIn ? null : fresh ? (Long) (long) t.getPostCount() : (Long) counts[0],
                    !signedIn ? null : fresh ? null : counts[1] == 0 ? null : (Long) counts[1],
                    fresh));
        }
        return summaries;
    }

    private String readableCategoryIds() {
        return categories.readable().stream()
                .map(c -> String.valueOf(c.getId()))
                .collect(Collectors.joining(","));
    }

    private static ThreadTeaser teaser(Object[] columns, Long unread, Long firstUnread) {
        long id = ((Number) columns[0]).longValue();
        return new ThreadTeaser(
                id,
                (String) columns[1],
                (String) columns[2],
                (String) columns[3],
                Math.max(0, ((Number) columns[4]).intValue() - 1),
                SqlValues.moment(columns[5]),
                ((Number) columns[6]).longValue(),
                unread,
                ThreadTeaser.url(id, firstUnread));
    }

    /** The keyset of the thread list: the last thread's activity time and id, opaque to clients. */
    record Cursor(OffsetDateTime lastPostAt, long id) {
        static String after(DiscussionThread thread) {
            String raw = thread.getLastPostAt().toInstant() + "|" + thread.getId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(
                        Instant.parse(raw.substring(0, bar)).atOffset(ZoneOffset.UTC),
                        Long.parseLong(raw.substring(bar + 1)));
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("after is not a cursor from a previous page.");
            }
        }
    }
}
