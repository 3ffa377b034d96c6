package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A mailed one-time link that proves an address: a new account's own, or the address an account moves to. Stored as
 * a hash; used once; expires.
 */
@Entity
@Table(name = "email_confirmation")
public class EmailConfirmation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String email;

    @Embedded
    private OneTimeSecret secret;

    protected EmailConfirmation() {}

    public EmailConfirmation(
            long accountId, EmailAddress email, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.accountId = accountId;
        this.email = email.value();
        this.secret = new OneTimeSecret(tokenHash, now, expiresAt);
    }

    public boolean usableAt(OffsetDateTime now) {
        return secret.usableAt(now);
    }

    public void use(OffsetDateTime now) {
        secret.use(now, "confirmation link");
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    public OffsetDateTime getCreatedAt() {
        return secret.getCreatedAt();
    }
}
