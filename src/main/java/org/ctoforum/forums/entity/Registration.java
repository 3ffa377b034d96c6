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

/**
 * A member's place at an edition, or in a capped session: registered, or waitlisted in the order people came.
 * The boundary decides under a lock on the edition (or session), so capacity holds under concurrency.
 */
@Entity
@Table(name = "forum_registration")
public class Registration {

    public enum Status {
        REGISTERED,
        WAITLISTED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private Long editionId;

    /** Set for a place in a capped session; null for the edition itself. */
    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "promoted_at")
    private OffsetDateTime promotedAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    protected Registration() {}

    public Registration(long editionId, Long sessionId, long accountId, boolean seatFree, OffsetDateTime now) {
        this.editionId = editionId;
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.status = seatFree ? Status.REGISTERED : Status.WAITLISTED;
        this.createdAt = now;
    }

    public void promote(OffsetDateTime now) {
        if (status != Status.WAITLISTED) {
            throw new IllegalStateException("Only a waitlisted registration can be promoted");
        }
        status = Status.REGISTERED;
        promotedAt = now;
    }

    /** Cancels; answers whether a seat was freed, which means the head of the waitlist moves up. */
    public boolean cancel(OffsetDateTime now) {
        boolean freesSeat = status == Status.REGISTERED;
        status = Status.CANCELLED;
        cancelledAt = now;
        return freesSeat;
    }

    public boolean active() {
        return status != Status.CANCELLED;
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

    public Long getAccountId() {
        return accountId;
    }

    public Status getStatus() {
        return status;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
