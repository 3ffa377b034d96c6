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

/** A non-member's wish to buy a report, or a journalist's request for a complimentary copy; staff decide. */
@Entity
@Table(name = "report_access_request")
public class AccessRequest {

    public enum Kind {
        PURCHASE,
        PRESS
    }

    public enum Status {
        PENDING,
        APPROVED,
        DECLINED
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String message;

    private String decision;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected AccessRequest() {}

    public AccessRequest(long reportId, long accountId, Kind kind, String message, OffsetDateTime now) {
        this.reportId = reportId;
        this.accountId = accountId;
        this.kind = kind;
        this.message = message;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    /** Approves the request; the caller makes the grant. */
    public void approve(long staffId, String decision, OffsetDateTime now) {
        decide(Status.APPROVED, staffId, decision, now);
    }

    public void decline(long staffId, String decision, OffsetDateTime now) {
        decide(Status.DECLINED, staffId, decision, now);
    }

    private void decide(Status outcome, long staffId, String decision, OffsetDateTime now) {
        if (status != Status.PENDING) {
            throw new WorkflowException(
                    WorkflowException.Reason.NOT_ALLOWED,
                    "This request was already " + status.name().toLowerCase() + ".");
        }
        this.status = outcome;
        this.decidedBy = staffId;
        this.decision = decision;
        this.decidedAt = now;
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

    public Status getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getDecision() {
        return decision;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Long getDecidedBy() {
        return decidedBy;
    }

    public OffsetDateTime getDecidedAt() {
        return decidedAt;
    }
}
