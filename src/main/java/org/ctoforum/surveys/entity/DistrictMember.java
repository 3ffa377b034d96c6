package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An account's district, which counts once staff confirm that the account speaks for it. */
@Entity
@Table(name = "survey_district_member")
public class DistrictMember {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "district_id", nullable = false)
    private long districtId;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    private Long confirmedBy;

    protected DistrictMember() {}

    public DistrictMember(long accountId, long districtId, OffsetDateTime now) {
        this.accountId = accountId;
        this.districtId = districtId;
        this.requestedAt = now;
    }

    /** Moving to another district needs staff to confirm it again. */
    public void moveTo(long districtId, OffsetDateTime now) {
        if (this.districtId != districtId) {
            this.districtId = districtId;
            this.requestedAt = now;
            this.confirmedAt = null;
            this.confirmedBy = null;
        }
    }

    public void confirm(long staffId, OffsetDateTime now) {
        this.confirmedAt = now;
        this.confirmedBy = staffId;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getDistrictId() {
        return districtId;
    }

    public OffsetDateTime getRequestedAt() {
        return requestedAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public OffsetDateTime getConfirmedAt() {
        return confirmedAt;
    }
}
