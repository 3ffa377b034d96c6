package org.ctoforum.discussions.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.discussions.control.Attribution;
import org.ctoforum.discussions.control.Quotes;
import org.ctoforum.discussions.control.Tags;
import org.ctoforum.discussions.entity.AboutSection;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.Visibility;
import org.ctoforum.discussions.entity.WatchLevel;
import org.ctoforum.forums.boundary.ForumReferences;
import org.ctoforum.forums.boundary.ForumReferences.SessionReference;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.reports.boundary.SectionReferences;
import org.ctoforum.reports.boundary.SectionReferences.SectionReference;

/**
 * Threads and posts: reading, writing, editing, deleting and flagging; the lists are {@link ThreadLists}'. Every
 * method checks the caller against the category and the post's state; what a reader may not see answers 404, as if it
 * did not exist.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Threads {

    private static final Logger LOG = Logger.getLogger(Threads.class.getName());
    static final int MAX_DEPTH = 4;

    /**
     * A new thread. One about a report section names {@code reportId} and {@code sectionAnchor} and leaves
     * {@code categoryId} out: it goes to the category staff chose, and its first post quotes the section.
     */
    public record NewThread(
            String title,
            String body,
            Long categoryId,
            Boolean chathamHouse,
            List<String> tags,
            Long sessionId,
            Long reportId,
            String sectionAnchor) {}

    public record NewPost(String body, Long replyTo) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Categories categories;

    @Inject
    Watches watches;

    @Inject
    DiscussionNotices notices;

    @Inject
    People people;

    @Inject
    ForumReferences forums;

    @Inject
    SectionReferences sections;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    PostingLimits postingLimits;

    public long create(NewThread form) {
        caller.requireAccountId();
        if (form == null) {
            throw ProblemException.badRequest("Send {title, body, categoryId, chathamHouse}.");
        }
        SectionReference section = aboutSection(form);
        Category category = section != null ? sectionCategory(form) : chosenCategory(form);
        long author = requireWriter(category);
        String title = section != null && (form.title() == null || form.title().isBlank())
                ? suggestedTitle(section)
                : Fields.required(form.title(), "title", 200).strip();
        String body = checkedBody(form.body());
        if (section != null) {
            body = Quotes.ofSection(
                            section.heading(),
                            section.reportTitle(),
                            section.url(),
                            mayQuote(section, category) ? section.markdown() : null)
                    + body;
        }
        Set<String> tags = Tags.normalize(form.tags());
        if (form.sessionId() != null && !forums.sessionExists(form.sessionId())) {
            throw ProblemException.notFound("Forum session " + form.sessionId());
        }
        postingLimits.check(author);
        boolean chathamHouse = form.chathamHouse() == null ? category.isChathamHouseDefault() : form.chathamHouse();
        boolean review = awaitsReview(author);
        OffsetDateTime now = OffsetDateTime.now(clock);
        DiscussionThread thread =
                new DiscussionThread(category, title, author, chathamHouse, form.sessionId(), tags, review, now);
        if (section != null) {
            thread.about(new AboutSection(
                    section.reportId(),
                    section.reportTitle(),
                    section.reportPage(),
                    section.anchor(),
                    section.heading()));
        }
        em.persist(thread);
        em.flush();
        Post first = new Post(thread.getId(), author, null, body, Markdown.toSafeHtml(body), review, now);
        em.persist(first);
        em.flush();
        recount(thread);
        watches.watchThread(author, thread.getId(), WatchLevel.WATCHING);
        watches.markRead(author, thread.getId(), first.getId());
        if (first.visible()) {
            notices.threadStarted(thread, category, first);
        }
        changes.fire(ContentChanged.of(Content.THREAD, thread.getId()));
        LOG.info(() -> "Thread " + thread.getId() + " started in " + category.getSlug() + " by account " + author
                + (chathamHouse ? " (Chatham House)" : "") + (review ? ", waiting for review" : ""));
        return thread.getId();
    }

    /** The title a thread about a section starts with, unless the member writes another. */
    public static String suggestedTitle(SectionReference section) {
        String title = "On “" + section.heading() + "” in " + section.reportTitle();
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    /** The section a new thread is about, checked through reports, or null for a thread about no section. */
    private SectionReference aboutSection(NewThread form) {
        if (form.reportId() == null && form.sectionAnchor() == null) {
            return null;
        }
        if (form.reportId() == null
                || form.sectionAnchor() == null
                || form.sectionAnchor().isBlank()) {
            throw ProblemException.badRequest("reportId and sectionAnchor go together: send both, or neither.");
        }
        if (form.sessionId() != null) {
            throw ProblemException.badRequest("A thread is about a forum session or a report section, not both.");
        }
        return sections.readableSection(form.reportId(), form.sectionAnchor().strip());
    }

    /**
     * The category staff chose for threads about sections; a client may name it, but no other. Whether the caller
     * may write there is checked by the caller of this, as for any category.
     */
    private Category sectionCategory(NewThread form) {
        Category category = categories
                .forReportSections()
                .orElseThrow(() -> ProblemException.conflict(
                        "Staff have not chosen a category for discussions of report sections yet."));
        if (form.categoryId() != null && !form.categoryId().equals(category.getId()) && categories.canRead(category)) {
            throw ProblemException.badRequest("Threads about a report section go to the category staff chose for"
                    + " them (" + category.getId() + "); leave categoryId out.");
        }
        return category;
    }

    private Category chosenCategory(NewThread form) {
        if (form.categoryId() == null) {
            throw ProblemException.badRequest("categoryId is required.");
        }
        return categories.readableCategory(form.categoryId());
    }

    /** A section's text is quoted only where everyone who may read the category may read the report. */
    private static boolean mayQuote(SectionReference section, Category category) {
        return section.readableBy() == SectionReferences.Readers.EVERYONE
                || category.getVisibility() == Visibility.MEMBERS;
    }

    public ThreadPage read(long threadId, Long after, int size) {
        DiscussionThread thread = readableThread(threadId);
        Category category = em.find(Category.class, thread.getCategoryId());
        int limit = Math.max(1, Math.min(size, 200));
        List<Post> posts = em.createQuery(
                        "select p from Post p where p.threadId = :t and p.id > :after order by p.id", Post.class)
                .setParameter("t", threadId)
                .setParameter("after", after == null ? 0L : after)
                .setMaxResults(limit + 1)
                .getResultList();
        Long next = null;
        if (posts.size() > limit) {
            posts = posts.subList(0, limit);
            next = posts.get(limit - 1).getId();
        }
        List<Post> shown = posts.stream().filter(this::listed).toList();
        Long me = caller.accountId().orElse(null);
        Long firstUnread = null;
        String watchLevel = null;
        if (me != null) {
            Long mark = watches.lastRead(me, threadId).orElse(0L);
            firstUnread = firstVisibleAfter(threadId, mark);
            watchLevel = watches.effective(me, threadId, category.getId()).name();
        }
        SessionReference session = thread.getSessionId() == null
                ? null
                : forums.session(thread.getSessionId()).orElse(null);
        return new ThreadPage(
                thread.getId(),
                thread.getTitle(),
                category.getId(),
                category.getSlug(),
                category.getName(),
                thread.isChathamHouse(),
                authorName(thread.isChathamHouse(), thread.getAuthorId()),
                thread.getStatus().name(),
                thread.isPinned(),
                thread.isLocked(),
                List.copyOf(thread.getTags()),
                thread.getSessionId(),
                session == null ? null : session.title(),
                session == null ? null : session.url(),
                SectionLink.of(thread.getSection()),
                thread.getCreatedAt().toString(),
                thread.getPostCount(),
                views(thread, shown),
                next,
                firstUnread,
                watchLevel,
                canReply(thread, category),
                caller.staff());
    }

    /** Moves the caller's read mark forward to the given post. */
    public void markRead(long threadId, long postId) {
        long me = caller.requireAccountId();
        readableThread(threadId);
        watches.markRead(me, threadId, postId);
    }

    public long reply(long threadId, NewPost form) {
        caller.requireAccountId();
        if (form == null) {
            throw ProblemException.badRequest("Send {body, replyTo}.");
        }
        DiscussionThread thread =
                em.find(DiscussionThread.class, readableThread(threadId).getId(), LockModeType.PESSIMISTIC_WRITE);
        Category category = em.find(Category.class, thread.getCategoryId());
        long author = requireWriter(category);
        if (thread.isLocked() && !caller.staff()) {
            throw new ProblemException(ProblemType.THREAD_LOCKED, "This thread is locked; it takes no new posts.");
        }
        if (!thread.visible() && !caller.staff()) {
            throw ProblemException.conflict("This thread waits for a moderator; replies open once it is approved.");
        }
        String body = checkedBody(form.body());
        Post parent = null;
        if (form.replyTo() != null) {
            parent = em.find(Post.class, form.replyTo());
            if (parent == null || !parent.getThreadId().equals(threadId) || !listed(parent)) {
                throw ProblemException.badRequest("replyTo must be a post of this thread.");
            }
        }
        postingLimits.check(author);
        boolean review = awaitsReview(author);
        Post post = new Post(threadId, author, form.replyTo(), body, Markdown.toSafeHtml(body), review, now());
        em.persist(post);
        em.flush();
        recount(thread);
        watches.watchThreadUnlessChosen(author, threadId, WatchLevel.WATCHING);
        watches.markRead(author, threadId, post.getId());
        if (post.visible()) {
            notices.postWritten(thread, category, post, parent);
        }
        changes.fire(ContentChanged.of(Content.POST, post.getId()));
        LOG.info(() -> "Post " + post.getId() + " in thread " + threadId + " by account " + author
                + (review ? ", waiting for review" : ""));
        return post.getId();
    }

    public String watch(long threadId, String level) {
        long me = caller.requireAccountId();
        readableThread(threadId);
        WatchLevel chosen = requiredLevel(level);
        watches.watchThread(me, threadId, chosen);
        return chosen.name();
    }

    public String watchCategory(long categoryId, String level) {
        long me = caller.requireAccountId();
        categories.readableCategory(categoryId);
        WatchLevel chosen = requiredLevel(level);
        watches.watchCategory(me, categoryId, chosen);
        return chosen.name();
    }

    private static WatchLevel requiredLevel(String level) {
        WatchLevel chosen = Fields.oneOf(WatchLevel.class, level, null, "level");
        if (chosen == null) {
            throw ProblemException.badRequest("level must be WATCHING, TRACKING or MUTED.");
        }
        return chosen;
    }

    /** The thread, if the caller may read it: visible, or pending and theirs, or anything for staff. */
    public DiscussionThread readableThread(long threadId) {
        DiscussionThread thread = em.find(DiscussionThread.class, threadId);
        if (thread == null) {
            throw ProblemException.notFound("Thread " + threadId);
        }
        Category category = em.find(Category.class, thread.getCategoryId());
        boolean mine = caller.accountId().map(thread.getAuthorId()::equals).orElse(false);
        boolean shown =
                thread.visible() || caller.staff() || (thread.getStatus() == DiscussionThread.Status.PENDING && mine);
        if (!shown || !categories.canRead(category)) {
            throw ProblemException.notFound("Thread " + threadId);
        }
        return thread;
    }

    /** The post, if the caller may see that it exists. */
    public Post readablePost(long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        readableThread(post.getThreadId());
        if (!listed(post)) {
            throw ProblemException.notFound("Post " + postId);
        }
        return post;
    }

    /** Sets the thread's counters from its visible posts. */
    public void recount(DiscussionThread thread) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), max(id), max(created_at) from discussion_post"
                        + " where thread_id = ? and status = ?")
                .setParameter(1, thread.getId())
                .setParameter(2, Post.Status.VISIBLE.name())
                .getSingleResult();
        thread.recount(
                ((Number) row[0]).longValue(),
                row[1] == null ? null : ((Number) row[1]).longValue(),
                row[2] == null ? null : SqlValues.moment(row[2]));
    }

    /** The posts as the caller may see them, with the depth of each reply on this page. */
    public List<PostView> views(DiscussionThread thread, List<Post> posts) {
        Map<Long, Person> authors = thread.isChathamHouse()
                ? Map.of()
                : people.byIds(posts.stream().map(Post::getAuthorId).collect(Collectors.toSet()));
        Long me = caller.accountId().orElse(null);
        boolean staff = caller.staff();
        Map<Long, Integer> depths = new HashMap<>();
        List<PostView> views = new ArrayList<>();
        for (Post post : posts) {
            int depth = post.getReplyTo() != null && depths.containsKey(post.getReplyTo())
                    ? Math.min(depths.get(post.getReplyTo()) + 1, MAX_DEPTH)
                    : 0;
            depths.put(post.getId(), depth);
            boolean mine = post.getAuthorId().equals(me);
            boolean full = post.visible() || (staff && !post.deleted()) || (mine && !post.deleted());
            Person author = authors.get(post.getAuthorId());
            views.add(new PostView(
                    post.getId(),
                    full ? post.getHtml() : "",
                    full
                            ? Attribution.shown(thread.isChathamHouse(), author == null ? null : author.displayName())
                            : null,
                    post.getCreatedAt().toString(),
                    post.getReplyTo(),
                    post.getEditedAt() == null ? null : post.getEditedAt().toString(),
                    post.getStatus().name(),
                    mine,
                    full && (mine || staff),
                    depth));
        }
        return views;
    }

    private boolean listed(Post post) {
        return switch (post.getStatus()) {
            case VISIBLE, HIDDEN, DELETED -> true;
            case PENDING -> caller.staff()
                    || post.getAuthorId().equals(caller.accountId().orElse(null));
        };
    }

    private boolean canReply(DiscussionThread thread, Category category) {
        return categories.canWrite(category) && (caller.staff() || (!thread.isLocked() && thread.visible()));
    }

    private long requireWriter(Category category) {
        long me = caller.requireAccountId();
        if (!categories.canWrite(category)) {
            caller.requireMember("write in discussions");
            throw ProblemException.forbidden("You may not write in " + category.getName() + ".");
        }
        return me;
    }

    /** The Markdown of a new or edited post: present and within the size limit (400 and 413 otherwise). */
    public String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body is required: write something in Markdown.");
        }
        int limit = settings.number(PortalSetting.POST_MAX_BYTES);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limit) {
            throw ProblemException.tooLarge(
                    "The post has " + bytes + " bytes; the limit is " + limit + ". Split it into several posts.");
        }
        return body.strip();
    }

    /** A new account's first posts wait for a moderator, if the setting asks for it; staff never wait. */
    private boolean awaitsReview(long author) {
        int reviewed = settings.number(PortalSetting.REVIEW_FIRST_POSTS);
        if (reviewed == 0 || caller.staff()) {
            return false;
        }
        long approved = em.createQuery(
                        "select count(p) from Post p where p.authorId = :a and p.status = :visible", Long.class)
                .setParameter("a", author)
                .setParameter("visible", Post.Status.VISIBLE)
                .getSingleResult();
        return approved < reviewed;
    }

    private Long firstVisibleAfter(long threadId, long mark) {
        return em.createQuery(
                        "select min(p.id) from Post p where p.threadId = :t and p.id > :mark and p.status = :visible",
                        Long.class)
                .setParameter("t", threadId)
                .setParameter("mark", mark)
                .setParameter("visible", Post.Status.VISIBLE)
                .getSingleResult();
    }

    /** The author as readers may see them: the name, or "A participant" under the Chatham House rule. */
    public String authorName(boolean chathamHouse, long authorId) {
        if (chathamHouse) {
            return Attribution.PARTICIPANT;
        }
        return people.byId(authorId).map(Person::displayName).orElse(Attribution.PARTICIPANT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
