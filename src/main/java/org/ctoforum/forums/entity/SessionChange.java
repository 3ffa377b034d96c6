package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change to a session of a published edition, for the agenda's change log and its Atom feed. */
@Entity
@Table(name = "forum_session_change")
public class SessionChange {

    public enum Kind {
        ADDED,
        MOVED,
        UPDATED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private Long editionId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String description;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected SessionChange() {}

    public SessionChange(ForumSession session, Kind kind, String description, OffsetDateTime now) {
        this.editionId = session.getEditionId();
        this.sessionId = session.getId();
        this.kind = kind;
        this.description = description;
        this.changedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getEditionId() {
        return editionId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }
}
