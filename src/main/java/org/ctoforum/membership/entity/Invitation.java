package org.ctoforum.membership.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.ctoforum.platform.security.Role;

/**
 * Staff's invitation to one address, with the roles and membership period they chose. The person accepts it by
 * choosing a password (which confirms the address), until it expires or staff revoke it.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public enum Status {
        PENDING,
        ACCEPTED,
        EXPIRED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name")
    private String displayName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invitation_role", joinColumns = @JoinColumn(name = "invitation_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Embedded
    private Membership membership;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    @Column(name = "sent_count", nullable = false)
    private int sentCount = 1;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected Invitation() {}

    public Invitation(
            EmailAddress email,
            String displayName,
            Set<Role> roles,
            Membership membership,
            String tokenHash,
            Long invitedBy,
            OffsetDateTime now,
            Duration validity) {
        this.email = email.value();
        this.displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.membership = membership;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.sentAt = now;
        this.expiresAt = now.plus(validity);
    }

    public Status statusAt(OffsetDateTime now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
    }

    /** A new link, valid for a new period: the old link stops working. */
    public void resend(String newTokenHash, OffsetDateTime now, Duration validity) {
        Status status = statusAt(now);
        if (status == Status.ACCEPTED || status == Status.REVOKED) {
            throw new IllegalStateException(
                    "An invitation that is " + status.name().toLowerCase() + " cannot be sent");
        }
        this.tokenHash = newTokenHash;
        this.sentAt = now;
        this.sentCount++;
        this.expiresAt = now.plus(validity);
    }

    public void revoke(OffsetDateTime now) {
        if (statusAt(now) == Status.ACCEPTED) {
            throw new IllegalStateException("An accepted invitation cannot be revoked");
        }
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void accept(long accountId, OffsetDateTime now) {
        if (statusAt(now) != Status.PENDING) {
            throw new IllegalStateException(
                    "This invitation is " + statusAt(now).name().toLowerCase());
        }
        this.acceptedAt = now;
        this.accountId = accountId;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Membership getMembership() {
        return membership;
    }

    public Long getInvitedBy() {
        return invitedBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public int getSentCount() {
        return sentCount;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getAcceptedAt() {
        return acceptedAt;
    }

    public Long getAccountId() {
        return accountId;
    }
}
