package org.ctoforum.reports.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.ctoforum.reports.entity.WorkflowException.Reason;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A report of the association. It moves DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED through the methods below, and
 * readers see it only once it is published and its release moment has come: a future release is an embargo.
 */
@Entity
@Table(name = "report")
public class Report {

    public enum Status {
        DRAFT,
        IN_REVIEW,
        PUBLISHED,
        ARCHIVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportKind kind;

    @Enumerated(EnumType.STRING)
    private Theme theme;

    @Column(nullable = false)
    private int year;

    @Column(name = "edition_id")
    private Long editionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Access access;

    @Column(name = "price_cents")
    private Integer priceCents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "publisher_id")
    private Long publisherId;

    @Column(name = "release_at")
    private OffsetDateTime releaseAt;

    @Column(nullable = false)
    private boolean announced;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "report_topic", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "topic", nullable = false)
    private Set<String> topics = new TreeSet<>();

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Report() {}

    public Report(String slug, long authorId, OffsetDateTime now) {
        this.slug = slug;
        this.authorId = authorId;
        this.status = Status.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets what a report says about itself; a theme belongs to trend reports only, a price to purchasable ones. */
    public void describe(
            String title,
            String summary,
            ReportKind kind,
            Theme theme,
            int year,
            Set<String> topics,
            Long editionId,
            Access access,
            Integer priceCents,
            OffsetDateTime now) {
        if ((theme != null) != (kind == ReportKind.TREND_REPORT)) {
            throw new IllegalArgumentException(
                    kind == ReportKind.TREND_REPORT
                            ? "A trend report needs a theme: HURDLES, ACCELERATORS or TECH_ENABLERS."
                            : "Only trend reports have a theme.");
        }
        if (access == Access.MEMBERS_OR_PURCHASE && (priceCents == null || priceCents <= 0)) {
            throw new IllegalArgumentException("A report for sale needs a price above zero (priceCents).");
        }
        this.title = title;
        this.summary = summary;
        this.kind = kind;
        this.theme = theme;
        this.year = year;
        this.topics = new TreeSet<>(topics);
        this.editionId = editionId;
        this.access = access;
        this.priceCents = access == Access.MEMBERS_OR_PURCHASE ? priceCents : null;
        this.updatedAt = now;
    }

    /** Performs the step to {@code to}: the one workflow entry point, so every path obeys the same rules. */
    public void moveTo(Status to, long actorId, OffsetDateTime at, boolean hasContent, OffsetDateTime now) {
        if (at != null && to != Status.PUBLISHED) {
            throw new WorkflowException(Reason.NOT_ALLOWED, "Only publishing can be scheduled ('at').");
        }
        switch (to) {
            case IN_REVIEW -> {
                if (status == Status.PUBLISHED && !releasedBy(now)) {
                    withdraw(now);
                } else {
                    submitForReview(now);
                }
            }
            case DRAFT -> returnToDraft(now);
            case PUBLISHED -> {
                if (status == Status.ARCHIVED) {
                    restore(now);
                } else {
                    publish(actorId, at, hasContent, now);
                }
            }
            case ARCHIVED -> archive(now);
        }
    }

    public void submitForReview(OffsetDateTime now) {
        require(Status.DRAFT, "submitted for review");
        status = Status.IN_REVIEW;
        updatedAt = now;
    }

    /** A reviewer sends the report back to its author. */
    public void returnToDraft(OffsetDateTime now) {
        require(Status.IN_REVIEW, "returned to draft");
        status = Status.DRAFT;
        updatedAt = now;
    }

    /**
     * Publishes now, or at {@code at}: until then the report stays invisible to readers. The publisher must be
     * another staff account than the author.
     */
    public void publish(long publisherId, OffsetDateTime at, boolean hasContent, OffsetDateTime now) {
        require(Status.IN_REVIEW, "published");
        if (publisherId == authorId) {
            throw new WorkflowException(
                    Reason.OWN_REPORT, "Another staff member must publish this report: its author cannot.");
        }
        if (at != null && at.isBefore(now)) {
            throw new WorkflowException(Reason.IN_THE_PAST, "The release moment " + at + " has already passed.");
        }
        if (!hasContent) {
            throw new WorkflowException(Reason.EMPTY, "Upload a PDF or write sections before publishing.");
        }
        this.publisherId = publisherId;
        this.releaseAt = at == null ? now : at;
        this.announced = false;
        status = Status.PUBLISHED;
        updatedAt = now;
    }

    /** Lifts a scheduled release before its moment; the report goes back to review. */
    public void withdraw(OffsetDateTime now) {
        if (status != Status.PUBLISHED || releasedBy(now)) {
            throw new WorkflowException(
                    Reason.NOT_ALLOWED, "Only a report whose release is still ahead can be withdrawn to review.");
        }
        status = Status.IN_REVIEW;
        releaseAt = null;
        publisherId = null;
        updatedAt = now;
    }

    public void archive(OffsetDateTime now) {
        require(Status.PUBLISHED, "archived");
        if (embargoedAt(now)) {
            throw new WorkflowException(
                    Reason.NOT_ALLOWED, "This report is not released yet: withdraw its scheduled release instead.");
        }
        status = Status.ARCHIVED;
        updatedAt = now;
    }

    public void restore(OffsetDateTime now) {
        require(Status.ARCHIVED, "restored");
        status = Status.PUBLISHED;
        updatedAt = now;
    }

    /** The release job has told search and subscribers. */
    public void markAnnounced() {
        announced = true;
    }

    /** Whether readers may see it at {@code now}: published or archived, and its release moment has come. */
    public boolean releasedBy(OffsetDateTime now) {
        return EnumSet.of(Status.PUBLISHED, Status.ARCHIVED).contains(status)
                && releaseAt != null
                && !releaseAt.isAfter(now);
    }

    /** Published with a release still ahead. */
    public boolean embargoedAt(OffsetDateTime now) {
        return status == Status.PUBLISHED && releaseAt != null && releaseAt.isAfter(now);
    }

    public void touch(OffsetDateTime now) {
        updatedAt = now;
    }

    private void require(Status from, String what) {
        if (status != from) {
            throw new WorkflowException(
                    Reason.NOT_ALLOWED,
                    "A " + status.name().toLowerCase().replace('_', ' ') + " report cannot be " + what + "; only a "
                            + from.name().toLowerCase().replace('_', ' ') + " one can.");
        }
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public ReportKind getKind() {
        return kind;
    }

    public Theme getTheme() {
        return theme;
    }

    public int getYear() {
        return year;
    }

    public Long getEditionId() {
        return editionId;
    }

    public Access getAccess() {
        return access;
    }

    public Integer getPriceCents() {
        return priceCents;
    }

    public Status getStatus() {
        return status;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Long getPublisherId() {
        return publisherId;
    }

    public OffsetDateTime getReleaseAt() {
        return releaseAt;
    }

    public boolean isAnnounced() {
        return announced;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public Set<String> getTopics() {
        return topics;
    }
}
