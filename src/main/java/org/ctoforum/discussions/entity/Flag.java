package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A member's report that a post needs a moderator's eye; one per member and post. */
@Entity
@Table(name = "discussion_flag")
public class Flag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private Long postId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    protected Flag() {}

    public Flag(long postId, long accountId, String reason, OffsetDateTime now) {
        this.postId = postId;
        this.accountId = accountId;
        this.reason = reason;
        this.createdAt = now;
    }

    public void resolve(OffsetDateTime now) {
        resolvedAt = now;
    }

    public Long getPostId() {
        return postId;
    }

    public String getReason() {
        return reason;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
