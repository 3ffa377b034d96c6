package org.ctoforum.library.entity;

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
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** A best practice: what worked for districts, where it comes from, and for whom it is open. */
@Entity
@Table(name = "library_entry")
public class LibraryEntry {

    public enum Access {
        PUBLIC,
        MEMBERS
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

    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    /** Rendered and sanitized once, when written. */
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "challenge_area", nullable = false)
    private String challengeArea;

    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Access access;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "library_entry_tag", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new TreeSet<>();

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected LibraryEntry() {}

    public LibraryEntry(String slug, long createdBy, OffsetDateTime now) {
        this.slug = slug;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void write(
            String title,
            String summary,
            String bodyMarkdown,
            String bodyHtml,
            String challengeArea,
            Set<String> tags,
            String source,
            Access access,
            OffsetDateTime now) {
        this.title = title;
        this.summary = summary;
        this.bodyMarkdown = bodyMarkdown;
        this.bodyHtml = bodyHtml;
        this.challengeArea = challengeArea;
        this.tags = new TreeSet<>(tags);
        this.source = source;
        this.access = access;
        this.updatedAt = now;
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

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getChallengeArea() {
        return challengeArea;
    }

    public String getSource() {
        return source;
    }

    public Access getAccess() {
        return access;
    }

    public Set<String> getTags() {
        return tags;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
