package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A member's secret calendar feed address. Calendar apps cannot sign in, so the address itself is the key: only its
 * hash is stored, and revoking it turns the old address off.
 */
@Entity
@Table(name = "forum_calendar_feed")
public class CalendarFeed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected CalendarFeed() {}

    public CalendarFeed(long accountId, String tokenHash, OffsetDateTime now) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    public void revoke(OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
