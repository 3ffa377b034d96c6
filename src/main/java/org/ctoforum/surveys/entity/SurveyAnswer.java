package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** One answer of a response, as JSON, with who last changed it. */
@Entity
@Table(name = "survey_answer")
@IdClass(SurveyAnswer.Key.class)
public class SurveyAnswer {

    public record Key(Long responseId, String questionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "response_id")
    private Long responseId;

    @Id
    @Column(name = "question_code")
    private String questionCode;

    @Column(nullable = false)
    private String value;

    @Column(name = "changed_by")
    private Long changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected SurveyAnswer() {}

    public SurveyAnswer(long responseId, String questionCode) {
        this.responseId = responseId;
        this.questionCode = questionCode;
    }

    public void set(String value, long byAccount, OffsetDateTime now) {
        this.value = value;
        this.changedBy = byAccount;
        this.changedAt = now;
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
