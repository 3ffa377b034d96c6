package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who an account is at a provider: the pair (issuer, subject), never the email, which can change hands. */
@Entity
@Table(name = "account_identity")
public class AccountIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    @Column(name = "provider_key", nullable = false)
    private String providerKey;

    private String email;

    @Column(name = "linked_at", nullable = false)
    private OffsetDateTime linkedAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected AccountIdentity() {}

    public AccountIdentity(
            long accountId, String issuer, String subject, String providerKey, String email, OffsetDateTime now) {
        this.accountId = accountId;
        this.issuer = issuer;
        this.subject = subject;
        this.providerKey = providerKey;
        this.email = email;
        this.linkedAt = now;
        this.lastUsedAt = now;
    }

    public void used(String email, OffsetDateTime now) {
        this.email = email;
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public String getProviderKey() {
        return providerKey;
    }

    public String getEmail() {
        return email;
    }

    public OffsetDateTime getLinkedAt() {
        return linkedAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
