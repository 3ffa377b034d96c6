package org.ctoforum.discussions.ui;

import java.io.Serializable;
import java.util.Objects;
import org.ctoforum.discussions.boundary.PostView;

/**
 * One post as the thread page shows it, with everything the page asks of it worked out here. The page renders 50 of
 * these, and each question it asked in EL of a record ({@code post.id()}) or of the view ({@code
 * threadView.isUnread(post)}) was a reflective method lookup or a view-scope lookup: a fifth of the page's CPU.
 * Getters are resolved once per class and cached by the EL resolver.
 */
public final class PostRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PostView post;
    private final ThreadView view;
    private final boolean unread;
    private final String author;
    private final String cssClass;
    private final String postedAt;

    PostRow(PostView post, ThreadView view, boolean unread, boolean chathamHouse) {
        this.post = post;
        this.view = view;
        this.unread = unread;
        this.author = post.author() == null
                ? ""
                : post.mine() && chathamHouse ? post.author() + " (you; others see only this)" : post.author();
        this.cssClass = "post depth-" + post.depth() + (unread ? " unread" : "") + " status-"
                + post.status().toLowerCase();
        this.postedAt = postedAt(post);
    }

    /** When it was posted, to the minute, then what the reader should know of it: edited, waiting, hidden. */
    private static String postedAt(PostView post) {
        StringBuilder text = new StringBuilder(post.createdAt().substring(0, 16).replace('T', ' '));
        if (post.editedAt() != null) {
            text.append(" · edited");
        }
        if (post.status().equals("PENDING")) {
            text.append(" · waiting for approval");
        } else if (post.status().equals("HIDDEN") && !post.placeholder()) {
            text.append(" · hidden");
        }
        return text.toString();
    }

    public PostView getPost() {
        return post;
    }

    public long getId() {
        return post.id();
    }

    public String getCssClass() {
        return cssClass;
    }

    public String getAuthor() {
        return author;
    }

    public String getPostedAt() {
        return postedAt;
    }

    public boolean isUnread() {
        return unread;
    }

    public String getHtml() {
        return post.html();
    }

    public boolean isPlaceholder() {
        return post.placeholder();
    }

    public String getPlaceholderText() {
        return switch (post.status()) {
            case "DELETED" -> "This post was deleted.";
            case "HIDDEN" -> "This post is hidden while a moderator reviews it.";
            default -> "";
        };
    }

    /** Whether anything is open under this post: its editor, a reason to give, or its history. */
    public boolean isOpen() {
        return isEditing() || isFlagging() || isUnmasking() || isShowingHistory();
    }

    public boolean isEditing() {
        return Objects.equals(view.getEditing(), post.id());
    }

    public boolean isFlagging() {
        return Objects.equals(view.getFlagging(), post.id());
    }

    public boolean isUnmasking() {
        return Objects.equals(view.getUnmasking(), post.id());
    }

    public boolean isShowingHistory() {
        return Objects.equals(view.getHistoryOf(), post.id());
    }

    /** The reply, edit, flag and moderation links: for signed-in readers, under posts that are not placeholders. */
    public boolean isActions() {
        return !post.placeholder() && view.isSignedIn();
    }

    public boolean isReplyable() {
        return view.getPage().canReply();
    }

    public boolean isEditable() {
        return post.canEdit();
    }

    public boolean isEdited() {
        return post.editedAt() != null;
    }

    public boolean isFlaggable() {
        return view.isMayFlag() && !post.mine() && post.status().equals("VISIBLE");
    }

    public boolean isApprovable() {
        return view.getPage().canModerate() && !post.status().equals("VISIBLE");
    }

    public boolean isHideable() {
        return view.getPage().canModerate() && post.status().equals("VISIBLE");
    }

    public boolean isUnmaskable() {
        return view.getPage().canModerate() && view.getPage().chathamHouse();
    }
}
