package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A district's response to one year's survey, which any of its confirmed members may edit until it is submitted. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "district_id", nullable = false)
    private long districtId;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    private Long submittedBy;

    protected SurveyResponse() {}

    public SurveyResponse(long surveyId, long districtId, OffsetDateTime now) {
        this.surveyId = surveyId;
        this.districtId = districtId;
        this.startedAt = now;
        this.updatedAt = now;
    }

    public void touched(OffsetDateTime now) {
        this.updatedAt = now;
    }

    public void submit(long accountId, OffsetDateTime now) {
        this.submittedAt = now;
        this.submittedBy = accountId;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSurveyId() {
        return surveyId;
    }

    public long getDistrictId() {
        return districtId;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public Long getSubmittedBy() {
        return submittedBy;
    }
}
