package org.ctoforum.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One person's right to one report, whatever its access level: a purchase, a press copy, or a gift from staff. */
@Entity
@Table(name = "report_grant")
public class ReportGrant {

    public enum Kind {
        PURCHASE,
        PRESS,
        COMPLIMENTARY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** The payment reference for a purchase, or staff's note. */
    private String reference;

    @Column(name = "granted_by", nullable = false)
    private Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected ReportGrant() {}

    public ReportGrant(
            long reportId, long accountId, Kind kind, String reference, long grantedBy, OffsetDateTime grantedAt) {
        this.reportId = reportId;
        this.accountId = accountId;
        this.kind = kind;
        this.reference = reference;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getReference() {
        return reference;
    }

    public Long getGrantedBy() {
        return grantedBy;
    }

    public OffsetDateTime getGrantedAt() {
        return grantedAt;
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** Takes the right back, a refund say; the grant stays as the record of who gave it, who took it and why. */
    public void revoke(long by, String reason, OffsetDateTime now) {
        if (!active()) {
            throw new IllegalStateException("Grant " + id + " is already revoked");
        }
        this.revokedAt = now;
        this.revokedBy = by;
        this.revokeReason = reason;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public Long getRevokedBy() {
        return revokedBy;
    }

    public String getRevokeReason() {
        return revokeReason;
    }
}
