package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A post's text as it was before an edit, and since when it read so. */
@Entity
@Table(name = "discussion_post_revision")
public class PostRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private Long postId;

    @Column(nullable = false)
    private String body;

    @Column(name = "edited_by", nullable = false)
    private Long editedBy;

    @Column(name = "edited_at", nullable = false)
    private OffsetDateTime editedAt;

    protected PostRevision() {}

    PostRevision(long postId, String body, long editedBy, OffsetDateTime editedAt) {
        this.postId = postId;
        this.body = body;
        this.editedBy = editedBy;
        this.editedAt = editedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPostId() {
        return postId;
    }

    public String getBody() {
        return body;
    }

    public Long getEditedBy() {
        return editedBy;
    }

    public OffsetDateTime getEditedAt() {
        return editedAt;
    }
}
