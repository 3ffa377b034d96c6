package org.ctoforum.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A headline finding staff write about a survey's figures; a public one is shown to everyone. */
@Entity
@Table(name = "survey_finding")
public class SurveyFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    private int position;

    @Column(nullable = false)
    private String title;

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "question_code")
    private String questionCode;

    @Column(name = "public")
    private boolean open;

    protected SurveyFinding() {}

    public SurveyFinding(
            long surveyId,
            int position,
            String title,
            String bodyMarkdown,
            String bodyHtml,
            String questionCode,
            boolean open) {
        this.surveyId = surveyId;
        this.position = position;
        this.title = title;
        this.bodyMarkdown = bodyMarkdown;
        this.bodyHtml = bodyHtml;
        this.questionCode = questionCode;
        this.open = open;
    }

    public Long getId() {
        return id;
    }

    public long getSurveyId() {
        return surveyId;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getQuestionCode() {
        return questionCode;
    }

    public boolean isOpen() {
        return open;
    }
}
