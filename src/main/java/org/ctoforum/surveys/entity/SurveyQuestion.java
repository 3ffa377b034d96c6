package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A question; its code stays the same across years so that trends join on it. */
@Entity
@Table(name = "survey_question")
public class SurveyQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "survey_id")
    private Survey survey;

    @ManyToOne(optional = false)
    @JoinColumn(name = "section_id")
    private SurveySection section;

    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuestionType type;

    /** A JSON array of the choices. */
    private String options;

    private boolean required;

    @Column(name = "min_value")
    private BigDecimal min;

    @Column(name = "max_value")
    private BigDecimal max;

    protected SurveyQuestion() {}

    public SurveyQuestion(
            SurveySection section,
            int position,
            String code,
            String text,
            QuestionType type,
            String options,
            boolean required,
            BigDecimal min,
            BigDecimal max) {
        this.section = section;
        this.survey = section.getSurvey();
        this.position = position;
        this.code = code;
        this.text = text;
        this.type = type;
        this.options = options;
        this.required = required;
        this.min = min;
        this.max = max;
    }

    public Long getId() {
        return id;
    }

    public SurveySection getSection() {
        return section;
    }

    public String getCode() {
        return code;
    }

    public String getText() {
        return text;
    }

    public QuestionType getType() {
        return type;
    }

    public String getOptions() {
        return options;
    }

    public boolean isRequired() {
        return required;
    }

    public BigDecimal getMin() {
        return min;
    }

    public BigDecimal getMax() {
        return max;
    }
}
