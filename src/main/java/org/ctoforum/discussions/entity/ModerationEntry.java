package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The audit log of moderators' actions. An unmasking names the post and the reason, never the author. */
@Entity
@Table(name = "moderation_log")
public class ModerationEntry {

    public enum Action {
        APPROVE,
        HIDE,
        DELETE,
        LOCK,
        UNLOCK,
        PIN,
        UNPIN,
        HIDE_THREAD,
        RESTORE_THREAD,
        UNMASK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "moderator_id", nullable = false)
    private Long moderatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "thread_id")
    private Long threadId;

    @Column(name = "post_id")
    private Long postId;

    private String reason;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected ModerationEntry() {}

    public ModerationEntry(
            long moderatorId, Action action, Long threadId, Long postId, String reason, OffsetDateTime at) {
        this.moderatorId = moderatorId;
        this.action = action;
        this.threadId = threadId;
        this.postId = postId;
        this.reason = reason;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getModeratorId() {
        return moderatorId;
    }

    public Action getAction() {
        return action;
    }

    public Long getThreadId() {
        return threadId;
    }

    public Long getPostId() {
        return postId;
    }

    public String getReason() {
        return reason;
    }

    public OffsetDateTime getAt() {
        return at;
    }
}
