package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/**
 * What every mailed or logged one-time link keeps: the SHA-256 digest of its token (never the token), when it was
 * made, when it expires, and when it was used. It works once, before it expires.
 */
@Embeddable
public class OneTimeSecret {

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected OneTimeSecret() {}

    public OneTimeSecret(String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean usableAt(OffsetDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(OffsetDateTime now, String what) {
        if (!usableAt(now)) {
            throw new IllegalStateException("This " + what + " was used or has expired");
        }
        usedAt = now;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
