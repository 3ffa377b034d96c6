package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A session a member put on their personal agenda. */
@Entity
@Table(name = "forum_agenda_pick")
public class AgendaPick {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "edition_id", nullable = false)
    private Long editionId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected AgendaPick() {}

    public AgendaPick(long accountId, ForumSession session, OffsetDateTime now) {
        this.accountId = accountId;
        this.sessionId = session.getId();
        this.editionId = session.getEditionId();
        this.createdAt = now;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getEditionId() {
        return editionId;
    }
}
