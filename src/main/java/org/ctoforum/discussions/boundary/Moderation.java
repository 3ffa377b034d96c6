package org.ctoforum.discussions.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.discussions.control.Attribution;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Flag;
import org.ctoforum.discussions.entity.ModerationEntry;
import org.ctoforum.discussions.entity.ModerationEntry.Action;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.Backlog;

/**
 * The moderators' work: the review queue (pending and flagged posts), approving and hiding, locking, pinning and
 * hiding threads, and unmasking a Chatham House post. Every action is written to the moderation log.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Moderation {

    private static final Logger LOG = Logger.getLogger(Moderation.class.getName());
    private static final int EXCERPT = 280;

    /** A post waiting for a moderator. Flags are listed with their reasons, never with who flagged. */
    public record QueueItem(
            long postId,
            long threadId,
            String threadTitle,
            String category,
            String author,
            String status,
            String excerpt,
            String createdAt,
            List<String> flags)
            implements Serializable {}

    public record LogEntry(
            long id, String moderator, String action, Long threadId, Long postId, String reason, String at)
            implements Serializable {}

    public record ThreadSettings(Boolean locked, Boolean pinned, Boolean hidden) {}

    /** The answer to an unmasking, for the moderator who asked and nobody else. */
    public record Unmasked(long postId, long accountId, String displayName, String email) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Threads threads;

    @Inject
    DiscussionNotices notices;

    @Inject
    People people;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A post in the queue as a short list shows it: where it is and why it waits, without its author. */
    public record WaitingPost(long postId, long threadId, String threadTitle, boolean flagged, OffsetDateTime since)
            implements Serializable {
        public String url() {
            return "/discussions/thread.xhtml?id=" + threadId + "#post-" + postId;
        }
    }

    /** How many posts wait for a moderator, and the oldest of them, in two queries. */
    public Backlog<WaitingPost> waiting(int max) {
        caller.require(Role.STAFF, "moderate");
        String waits = " from Post p, DiscussionThread t where t.id = p.threadId and (p.status = :pending"
                + " or (p.flagCount > 0 and p.status <> :deleted))";
        long total = em.createQuery("select count(p)" + waits, Long.class)
                .setParameter("pending", Post.Status.PENDING)
                .setParameter("deleted", Post.Status.DELETED)
                .getSingleResult();
        if (total == 0) {
            return Backlog.empty();
        }
        List<WaitingPost> first = em.createQuery(
                        "select p.id, t.id, t.title, p.flagCount, p.createdAt" + waits + " order by p.id",
                        Object[].class)
                .setParameter("pending", Post.Status.PENDING)
                .setParameter("deleted", Post.Status.DELETED)
                .setMaxResults(max)
                .getResultStream()
                .map(row -> new WaitingPost(
                        (Long) row[0],
                        (Long) row[1],
                        (String) row[2],
                        ((Number) row[3]).intValue() > 0,
                        (OffsetDateTime) row[4]))
                .toList();
        return new Backlog<>(total, first);
    }

    public List<QueueItem> queue() {
        caller.require(Role.STAFF, "moderate");
        List<Post> posts = em.createQuery(
                        "select p from Post p where p.status = :pending or (p.flagCount > 0 and p.status <> :deleted)"
                                + " order by p.id",
                        Post.class)
                .setParameter("pending", Post.Status.PENDING)
                .setParameter("deleted", Post.Status.DELETED)
                .setMaxResults(200)
                .getResultList();
        List<QueueItem> items = new ArrayList<>();
        for (Post post : posts) {
            DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
            Category category = em.find(Category.class, thread.getCategoryId());
            List<String> reasons = em.createQuery(
                            "select f from Flag f where f.postId = :p and f.resolvedAt is null order by f.id",
                            Flag.class)
                    .setParameter("p", post.getId())
                    .getResultStream()
                    .map(Flag::getReason)
                    .toList();
            String text = post.getBody();
            items.add(new QueueItem(
                    post.getId(),
                    thread.getId(),
                    thread.getTitle(),
                    category.getName(),
                    thread.isChathamHouse()
                            ? Attribution.PARTICIPANT
                            : people.byId(post.getAuthorId())
                                    .map(Person::displayName)
                                    .orElse(Attribution.PARTICIPANT),
                    post.getStatus().name(),
                    text.length() > EXCERPT ? text.substring(0, EXCERPT) + " …" : text,
                    post.getCreatedAt().toString(),
                    reasons));
        }
        return items;
    }

    public void approve(long postId) {
        long moderator = caller.require(Role.STAFF, "moderate");
        Post post = post(postId);
        boolean wasPending = post.getStatus() == Post.Status.PENDING;
        post.approve();
        resolveFlags(postId);
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        if (thread.getStatus() == DiscussionThread.Status.PENDING) {
            thread.approve();
        }
        threads.recount(thread);
        changes.fire(ContentChanged.of(Content.THREAD, thread.getId()));
        log(moderator, Action.APPROVE, thread.getId(), postId, null);
        if (wasPending) {
            Category category = em.find(Category.class, thread.getCategoryId());
            Post parent = post.getReplyTo() == null ? null : em.find(Post.class, post.getReplyTo());
            if (parent == null) {
                notices.threadStarted(thread, category, post);
            } else {
                notices.postWritten(thread, category, post, parent);
            }
        }
    }

    public void hide(long postId, String reason) {
        long moderator = caller.require(Role.STAFF, "moderate");
        Post post = post(postId);
        post.hide();
        resolveFlags(postId);
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        threads.recount(thread);
        changes.fire(ContentChanged.of(Content.POST, postId));
        log(moderator, Action.HIDE, thread.getId(), postId, Fields.optional(reason, "reason", 500));
    }

    public void configure(long threadId, ThreadSettings settings) {
        long moderator = caller.require(Role.STAFF, "moderate");
        if (settings == null) {
            throw ProblemException.badRequest("Send {locked, pinned, hidden}; leave out what stays.");
        }
        DiscussionThread thread = threads.readableThread(threadId);
        if (settings.locked() != null && settings.locked() != thread.isLocked()) {
            thread.lock(settings.locked());
            log(moderator, settings.locked() ? Action.LOCK : Action.UNLOCK, threadId, null, null);
        }
        if (settings.pinned() != null && settings.pinned() != thread.isPinned()) {
            thread.pin(settings.pinned());
            log(moderator, settings.pinned() ? Action.PIN : Action.UNPIN, threadId, null, null);
        }
        if (settings.hidden() != null && settings.hidden() == thread.visible()) {
            if (settings.hidden()) {
                thread.hide();
            } else {
                thread.restore();
            }
            changes.fire(ContentChanged.of(Content.THREAD, threadId));
            log(moderator, settings.hidden() ? Action.HIDE_THREAD : Action.RESTORE_THREAD, threadId, null, null);
        }
    }

    /**
     * Reveals the author of one Chatham House post to the moderator who asks, for a reason that goes to the log.
     * The author is told.
     */
    public Unmasked unmask(long postId, String reason) {
        long moderator = caller.require(Role.STAFF, "unmask a post");
        String why = Fields.required(reason, "reason", 500).strip();
        if (why.length() < 10) {
            throw ProblemException.badRequest("Give a reason of at least 10 characters; it goes to the audit log.");
        }
        Post post = post(postId);
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        if (!thread.isChathamHouse()) {
            throw ProblemException.badRequest(
                    "Post " + postId + " is not in a Chatham House thread; its author is shown.");
        }
        Person author = people.byId(post.getAuthorId()).orElseThrow();
        log(moderator, Action.UNMASK, thread.getId(), postId, why);
        notices.unmasked(thread, em.find(Category.class, thread.getCategoryId()), post, why);
        LOG.warning(() ->
                "Moderator " + moderator + " unmasked post " + postId + " in thread " + thread.getId() + ": " + why);
        return new Unmasked(postId, author.id(), author.displayName(), author.email());
    }

    public List<LogEntry> log(Long before) {
        caller.require(Role.STAFF, "read the moderation log");
        var query = em.createQuery(
                        "select m from ModerationEntry m" + (before == null ? "" : " where m.id < :before")
                                + " order by m.id desc",
                        ModerationEntry.class)
                .setMaxResults(100);
        List<ModerationEntry> entries = (before == null ? query : query.setParameter("before", before)).getResultList();
        Map<Long, Person> moderators = people.byIds(
                entries.stream().map(ModerationEntry::getModeratorId).distinct().toList());
        return entries.stream()
                .map(m -> new LogEntry(
                        m.getId(),
                        moderators.containsKey(m.getModeratorId())
                                ? moderators.get(m.getModeratorId()).displayName()
                                : "#" + m.getModeratorId(),
                        m.getAction().name(),
                        m.getThreadId(),
                        m.getPostId(),
                        m.getReason(),
                        m.getAt().toString()))
                .toList();
    }

    private Post post(long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        return post;
    }

    private void resolveFlags(long postId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createQuery("select f from Flag f where f.postId = :p and f.resolvedAt is null", Flag.class)
                .setParameter("p", postId)
                .getResultStream()
                .forEach(flag -> flag.resolve(now));
    }

    private void log(long moderator, Action action, Long threadId, Long postId, String reason) {
        em.persist(new ModerationEntry(moderator, action, threadId, postId, reason, OffsetDateTime.now(clock)));
        LOG.info(() -> "Moderator " + moderator + " " + action + " thread " + threadId
                + (postId == null ? "" : " post " + postId));
    }
}
