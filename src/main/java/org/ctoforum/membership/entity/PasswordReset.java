package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    private OneTimeSecret secret;

    protected PasswordReset() {}

    public PasswordReset(long accountId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.accountId = accountId;
        this.secret = new OneTimeSecret(tokenHash, now, expiresAt);
    }

    public boolean usableAt(OffsetDateTime now) {
        return secret.usableAt(now);
    }

    public void use(OffsetDateTime now) {
        secret.use(now, "reset link");
    }

    public Long getAccountId() {
        return accountId;
    }
}
