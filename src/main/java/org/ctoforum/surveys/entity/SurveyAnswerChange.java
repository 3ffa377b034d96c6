package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A change to a response's answer, kept so that a district's members see who changed what. */
@Entity
@Table(name = "survey_answer_change")
public class SurveyAnswerChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    @Column(name = "question_code", nullable = false)
    private String questionCode;

    /** Null when the answer was cleared. */
    private String value;

    @Column(name = "changed_by")
    private Long changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected SurveyAnswerChange() {}

    public SurveyAnswerChange(long responseId, String questionCode, String value, long by, OffsetDateTime at) {
        this.responseId = responseId;
        this.questionCode = questionCode;
        this.value = value;
        this.changedBy = by;
        this.changedAt = at;
    }

    public String getQuestionCode() {
        return questionCode;
    }

    public String getValue() {
        return value;
    }

    public Long getChangedBy() {
        return changedBy;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }
}
