package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mailed one-time link to choose a new password. Stored as a hash; used once; expires. */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected PasswordReset() {}

    public PasswordReset(long accountId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean usableAt(OffsetDateTime now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(OffsetDateTime now) {
        if (!usableAt(now)) {
            throw new IllegalStateException("This reset link was used or has expired");
        }
        usedAt = now;
    }

    public Long getAccountId() {
        return accountId;
    }
}
