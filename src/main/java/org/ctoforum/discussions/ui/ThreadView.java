package org.ctoforum.discussions.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.discussions.boundary.Moderation;
import org.ctoforum.discussions.boundary.PostView;
import org.ctoforum.discussions.boundary.Posts;
import org.ctoforum.discussions.boundary.ThreadPage;
import org.ctoforum.discussions.boundary.Threads;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.PageMessages;

/**
 * A thread page: posts with their replies under them, and the reply, quote, edit, delete, flag and history actions
 * in place, each opened under its post so the page works without dialogs and with the keyboard. Opening the page
 * moves the reader's read mark to its last post.
 */
@Named
@ViewScoped
public class ThreadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Threads threads;

    @Inject
    Posts posts;

    @Inject
    Moderation moderation;

    @Inject
    Caller caller;

    private long id;
    private Long after;
    private ThreadPage page;
    private List<PostRow> rows = List.of();
    private Long firstUnread;
    private boolean missing;
    private boolean signedIn;
    /** Flagging is a member's act: a flag hides a post, so throwaway accounts must not cast one. */
    private boolean mayFlag;

    private String body;
    private Long replyTo;
    private String preview;
    private Long editing;
    private String editBody;
    private Long flagging;
    private Long unmasking;
    private Long historyOf;
    private List<Posts.RevisionView> history = List.of();
    private String reason;
    private String watchLevel;

    public void load() {
        signedIn = caller.signedIn();
        mayFlag = caller.staff() || caller.is(Role.MEMBER);
        try {
            ThreadPage read = threads.read(id, after, 50);
            firstUnread = read.firstUnread();
            show(read);
            markRead();
        } catch (ProblemException notFound) {
            missing = true;
        }
    }

    private void refresh() {
        show(threads.read(id, after, 50));
    }

    private void show(ThreadPage read) {
        page = read;
        rows = repliesUnderParents(read.posts()).stream()
                .map(post -> new PostRow(post, this, isUnread(post), read.chathamHouse()))
                .toList();
        watchLevel = read.watchLevel();
    }

    private boolean isUnread(PostView post) {
        return firstUnread != null && post.id() >= firstUnread && !post.mine();
    }

    private void markRead() {
        if (signedIn && !page.posts().isEmpty()) {
            threads.markRead(id, page.posts().get(page.posts().size() - 1).id());
        }
    }

    /** Depth-first: each post, then its replies on this page; a reply whose post is on another page stands alone. */
    static List<PostView> repliesUnderParents(List<PostView> posts) {
        Map<Long, PostView> byId = new LinkedHashMap<>();
        posts.forEach(p -> byId.put(p.id(), p));
        Map<Long, List<PostView>> children = new HashMap<>();
        List<PostView> roots = new ArrayList<>();
        for (PostView post : posts) {
            if (post.replyTo() != null && byId.containsKey(post.replyTo())) {
                children.computeIfAbsent(post.replyTo(), k -> new ArrayList<>()).add(post);
            } else {
                roots.add(post);
            }
        }
        List<PostView> ordered = new ArrayList<>();
        for (PostView root : roots) {
            addWithReplies(root, children, ordered);
        }
        return ordered;
    }

    private static void addWithReplies(PostView post, Map<Long, List<PostView>> children, List<PostView> out) {
        out.add(post);
        for (PostView child : children.getOrDefault(post.id(), List.of())) {
            addWithReplies(child, children, out);
        }
    }

    public void startReply(long postId) {
        replyTo = postId;
    }

    public void cancelReply() {
        replyTo = null;
    }

    public void quote(long postId) {
        PageMessages.attempt(() -> {
            String quoted = posts.quote(postId);
            body = quoted + (body == null ? "" : body);
            replyTo = postId;
        });
    }

    public void preview() {
        preview = Markdown.toSafeHtml(body);
    }

    public void post() {
        Long[] written = new Long[1];
        if (PageMessages.attempt(() -> written[0] = threads.reply(id, new Threads.NewPost(body, replyTo)))) {
            body = null;
            replyTo = null;
            preview = null;
            refresh();
            markRead();
            PageMessages.info(
                    page.posts().stream()
                                    .anyMatch(p ->
                                            p.id() == written[0] && p.status().equals("PENDING"))
                            ? "Thank you. Your post waits for a moderator's approval; only you and the moderators see it."
                            : "Your reply is posted.");
        }
    }

    public void startEdit(PostView post) {
        editing = post.id();
        editBody = null;
        PageMessages.attempt(() -> editBody = posts.source(post.id()));
    }

    public void saveEdit() {
        if (PageMessages.attempt(() -> posts.edit(editing, editBody))) {
            editing = null;
            refresh();
            PageMessages.info("Your changes are saved; the earlier text is kept in the post's history.");
        }
    }

    public void cancelEdit() {
        editing = null;
    }

    public void delete(long postId) {
        if (PageMessages.attempt(() -> posts.delete(postId))) {
            refresh();
            PageMessages.info("The post is deleted.");
        }
    }

    public void startFlag(long postId) {
        flagging = postId;
        unmasking = null;
        reason = null;
    }

    public void flag() {
        if (PageMessages.attempt(() -> posts.flag(flagging, reason))) {
            flagging = null;
            reason = null;
            refresh();
            PageMessages.info("Thank you. The moderators will look at the post.");
        }
    }

    public void startUnmask(long postId) {
        unmasking = postId;
        flagging = null;
        reason = null;
    }

    public void unmask() {
        PageMessages.attempt(() -> {
            Moderation.Unmasked who = moderation.unmask(unmasking, reason);
            PageMessages.warn("Post " + who.postId() + " was written by " + who.displayName() + " (" + who.email()
                    + "). This unmasking is in the moderation log, and the author has been told.");
            unmasking = null;
            reason = null;
        });
    }

    public void cancelReason() {
        flagging = null;
        unmasking = null;
        reason = null;
    }

    public void showHistory(long postId) {
        if (PageMessages.attempt(() -> history = posts.revisions(postId))) {
            historyOf = postId;
        }
    }

    public void hideHistory() {
        historyOf = null;
    }

    public void saveWatch() {
        if (PageMessages.attempt(() -> watchLevel = threads.watch(id, watchLevel))) {
            PageMessages.info(
                    switch (watchLevel) {
                        case "WATCHING" -> "You will be notified of every new post in this thread.";
                        case "MUTED" -> "This thread is muted: no notifications from it.";
                        default -> "You will be notified when someone replies to you or mentions you.";
                    });
        }
    }

    public void moderate(String what) {
        Moderation.ThreadSettings settings =
                switch (what) {
                    case "lock" -> new Moderation.ThreadSettings(true, null, null);
                    case "unlock" -> new Moderation.ThreadSettings(false, null, null);
                    case "pin" -> new Moderation.ThreadSettings(null, true, null);
                    case "unpin" -> new Moderation.ThreadSettings(null, false, null);
                    case "hide" -> new Moderation.ThreadSettings(null, null, true);
                    default -> new Moderation.ThreadSettings(null, null, false);
                };
        if (PageMessages.attempt(() -> moderation.configure(id, settings))) {
            refresh();
            PageMessages.info(
                    switch (what) {
                        case "lock" -> "The thread is locked: no new posts.";
                        case "unlock" -> "The thread is open for posts again.";
                        case "pin" -> "The thread is pinned to the top of its lists.";
                        case "unpin" -> "The thread is no longer pinned.";
                        case "hide" -> "The thread is hidden from everyone but staff.";
                        default -> "The thread is visible again.";
                    });
        }
    }

    public void approve(long postId) {
        if (PageMessages.attempt(() -> moderation.approve(postId))) {
            refresh();
        }
    }

    public void hidePost(long postId) {
        if (PageMessages.attempt(() -> moderation.hide(postId, null))) {
            refresh();
        }
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }

    public ThreadPage getPage() {
        return page;
    }

    public List<PostRow> getRows() {
        return rows;
    }

    public boolean isMissing() {
        return missing;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public boolean isMayFlag() {
        return mayFlag;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public String getPreview() {
        return preview;
    }

    public Long getEditing() {
        return editing;
    }

    public String getEditBody() {
        return editBody;
    }

    public void setEditBody(String editBody) {
        this.editBody = editBody;
    }

    public Long getFlagging() {
        return flagging;
    }

    public Long getUnmasking() {
        return unmasking;
    }

    public Long getHistoryOf() {
        return historyOf;
    }

    public List<Posts.RevisionView> getHistory() {
        return history;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getWatchLevel() {
        return watchLevel;
    }

    public void setWatchLevel(String watchLevel) {
        this.watchLevel = watchLevel;
    }
}
