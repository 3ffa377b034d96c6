package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * One message in a thread: the Markdown as written and its sanitized HTML, rendered once when written. Its author is
 * always stored, also in a Chatham House thread; the views decide who may see it. Deletion is soft.
 */
@Entity
@Table(name = "discussion_post")
public class Post {

    public enum Status {
        VISIBLE,
        /** Waits for a moderator: a new account's first posts. */
        PENDING,
        /** Hidden by flags or by a moderator, until reviewed. */
        HIDDEN,
        DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "thread_id", nullable = false)
    private Long threadId;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "reply_to")
    private Long replyTo;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String html;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "flag_count", nullable = false)
    private int flagCount;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Version
    private long version;

    protected Post() {}

    public Post(
            long threadId,
            long authorId,
            Long replyTo,
            String body,
            String html,
            boolean awaitsReview,
            OffsetDateTime now) {
        this.threadId = threadId;
        this.authorId = authorId;
        this.replyTo = replyTo;
        this.body = body;
        this.html = html;
        this.status = awaitsReview ? Status.PENDING : Status.VISIBLE;
        this.createdAt = now;
    }

    /** Replaces the text; answers the revision that keeps the text it had before. */
    public PostRevision edit(String body, String html, long editorId, OffsetDateTime now) {
        if (status == Status.DELETED) {
            throw new IllegalStateException("A deleted post cannot be edited");
        }
        PostRevision previous = new PostRevision(id, this.body, editorId, editedAt == null ? createdAt : editedAt);
        this.body = body;
        this.html = html;
        this.editedAt = now;
        return previous;
    }

    /** Counts a flag; answers true when this flag is the one that hides the post for review. */
    public boolean flag(int flagsToHide) {
        flagCount++;
        if (status == Status.VISIBLE && flagCount >= flagsToHide) {
            status = Status.HIDDEN;
            return true;
        }
        return false;
    }

    /** A moderator's yes: visible again, and its flags are settled. */
    public void approve() {
        if (status != Status.DELETED) {
            status = Status.VISIBLE;
        }
        flagCount = 0;
    }

    /** A moderator's no: hidden, and its flags are settled. */
    public void hide() {
        if (status != Status.DELETED) {
            status = Status.HIDDEN;
        }
        flagCount = 0;
    }

    public void delete(OffsetDateTime now) {
        status = Status.DELETED;
        deletedAt = now;
    }

    public boolean visible() {
        return status == Status.VISIBLE;
    }

    public boolean deleted() {
        return status == Status.DELETED;
    }

    public Long getId() {
        return id;
    }

    public Long getThreadId() {
        return threadId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Long getReplyTo() {
        return replyTo;
    }

    public String getBody() {
        return body;
    }

    public String getHtml() {
        return html;
    }

    public Status getStatus() {
        return status;
    }

    public int getFlagCount() {
        return flagCount;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getEditedAt() {
        return editedAt;
    }
}
