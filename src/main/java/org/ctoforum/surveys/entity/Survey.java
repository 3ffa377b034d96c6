package org.ctoforum.surveys.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One year's survey: its sections and questions, and where it stands between draft and published figures. */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int year;

    @Column(nullable = false)
    private String title;

    private String introduction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SurveyStatus status = SurveyStatus.DRAFT;

    @Column(nullable = false)
    private LocalDate opens;

    @Column(nullable = false)
    private LocalDate closes;

    @Column(name = "min_group_size")
    private int minGroupSize;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SurveySection> sections = new ArrayList<>();

    protected Survey() {}

    public Survey(int year, OffsetDateTime now) {
        this.year = year;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(
            String title,
            String introduction,
            LocalDate opens,
            LocalDate closes,
            int minGroupSize,
            OffsetDateTime now) {
        this.title = title;
        this.introduction = introduction;
        this.opens = opens;
        this.closes = closes;
        this.minGroupSize = minGroupSize;
        this.updatedAt = now;
    }

    public void moveTo(SurveyStatus status, OffsetDateTime now) {
        this.status = status;
        this.updatedAt = now;
        if (status == SurveyStatus.CLOSED) {
            closedAt = now;
        } else if (status == SurveyStatus.PUBLISHED) {
            publishedAt = now;
        }
    }

    /** Answers are taken while the survey is open and today lies within its dates. */
    public boolean takesAnswers(LocalDate today) {
        return status == SurveyStatus.OPEN && !today.isBefore(opens) && !today.isAfter(closes);
    }

    public List<SurveyQuestion> questions() {
        return sections.stream().flatMap(s -> s.getQuestions().stream()).toList();
    }

    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public String getIntroduction() {
        return introduction;
    }

    public SurveyStatus getStatus() {
        return status;
    }

    public LocalDate getOpens() {
        return opens;
    }

    public LocalDate getCloses() {
        return closes;
    }

    public int getMinGroupSize() {
        return minGroupSize;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public List<SurveySection> getSections() {
        return sections;
    }
}
