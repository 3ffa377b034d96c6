package org.ctoforum.discussions.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.discussions.control.Quotes;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Flag;
import org.ctoforum.discussions.entity.ModerationEntry;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.PostRevision;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * One post after it is written: editing with a history, soft deletion, flagging, quoting. Who may see the post is
 * decided by {@link Threads#readablePost}; who may change it is its author or a moderator.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Posts {

    private static final Logger LOG = Logger.getLogger(Posts.class.getName());

    public record RevisionView(String body, String editedAt) implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Threads threads;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public PostView edit(long postId, String markdown) {
        long editor = caller.requireAccountId();
        Post post = threads.readablePost(postId);
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        if (!mayChange(post)) {
            throw ProblemException.forbidden("Only the author or a moderator may edit this post.");
        }
        if (post.deleted()) {
            throw ProblemException.conflict("A deleted post cannot be edited.");
        }
        if (thread.isLocked() && !caller.staff()) {
            throw new ProblemException(
                    ProblemType.THREAD_LOCKED, "This thread is locked; its posts can no longer be edited.");
        }
        String body = threads.checkedBody(markdown);
        if (!body.equals(post.getBody())) {
            em.persist(post.edit(body, Markdown.toSafeHtml(body), editor, now()));
            changes.fire(ContentChanged.of(Content.POST, postId));
            LOG.info(() -> "Post " + postId + " edited by account " + editor);
        }
        return threads.views(thread, List.of(post)).get(0);
    }

    public void delete(long postId) {
        long by = caller.requireAccountId();
        Post post = threads.readablePost(postId);
        if (!mayChange(post)) {
            throw ProblemException.forbidden("Only the author or a moderator may delete this post.");
        }
        if (post.deleted()) {
            return;
        }
        post.delete(now());
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        threads.recount(thread);
        if (!post.getAuthorId().equals(by)) {
            em.persist(new ModerationEntry(by, ModerationEntry.Action.DELETE, thread.getId(), postId, null, now()));
        }
        changes.fire(ContentChanged.of(Content.POST, postId));
        LOG.info(() -> "Post " + postId + " deleted by account " + by);
    }

    /**
     * Flags a post for moderators; flags from enough different members hide it until reviewed. Only members and staff
     * flag, so accounts made for the purpose cannot hide a post; a second flag by one member is ignored.
     */
    public boolean flag(long postId, String reason) {
        long me = caller.staff() ? caller.requireAccountId() : caller.requireMember("flag posts");
        Post post = threads.readablePost(postId);
        String why = Fields.required(reason, "reason", 500).strip();
        if (post.getAuthorId().equals(me)) {
            throw ProblemException.badRequest("You cannot flag your own post; edit or delete it instead.");
        }
        if (!post.visible()) {
            throw ProblemException.conflict("This post is already with the moderators.");
        }
        long already = em.createQuery(
                        "select count(f) from Flag f where f.postId = :p and f.accountId = :a", Long.class)
                .setParameter("p", postId)
                .setParameter("a", me)
                .getSingleResult();
        if (already > 0) {
            return false;
        }
        em.persist(new Flag(postId, me, why, now()));
        em.lock(post, LockModeType.PESSIMISTIC_WRITE);
        if (post.flag(settings.number(PortalSetting.FLAGS_TO_HIDE))) {
            threads.recount(em.find(DiscussionThread.class, post.getThreadId()));
            changes.fire(ContentChanged.of(Content.POST, postId));
            LOG.info(() -> "Post " + postId + " hidden by flags until a moderator reviews it");
        }
        LOG.info(() -> "Post " + postId + " flagged by account " + me);
        return true;
    }

    /** The post quoted in Markdown, attributed as the thread's rule allows. */
    public String quote(long postId) {
        Post post = threads.readablePost(postId);
        if (!post.visible() && !mayChange(post)) {
            throw ProblemException.notFound("Post " + postId);
        }
        DiscussionThread thread = em.find(DiscussionThread.class, post.getThreadId());
        return Quotes.of(threads.authorName(thread.isChathamHouse(), post.getAuthorId()), post.getBody());
    }

    /** The Markdown of a post, for its author or a moderator to edit. */
    public String source(long postId) {
        Post post = threads.readablePost(postId);
        if (!mayChange(post) || post.deleted()) {
            throw ProblemException.forbidden("Only the author or a moderator may edit this post.");
        }
        return post.getBody();
    }

    /** Earlier texts of a post, for its author and moderators; who edited is not shown. */
    public List<RevisionView> revisions(long postId) {
        Post post = threads.readablePost(postId);
        if (!mayChange(post)) {
            throw ProblemException.forbidden("Only the author or a moderator may see a post's history.");
        }
        return em.createQuery("select r from PostRevision r where r.postId = :p order by r.id desc", PostRevision.class)
                .setParameter("p", postId)
                .getResultStream()
                .map(r -> new RevisionView(r.getBody(), r.getEditedAt().toString()))
                .toList();
    }

    private boolean mayChange(Post post) {
        return caller.staff() || post.getAuthorId().equals(caller.accountId().orElse(null));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
