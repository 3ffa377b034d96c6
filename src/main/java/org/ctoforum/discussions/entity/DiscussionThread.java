package org.ctoforum.discussions.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A conversation in a category. Its counters (visible posts, the last of them) are kept here so the thread list
 * reads one row per thread; {@link #recount} sets them after any change to a post's visibility.
 */
@Entity
@Table(name = "discussion_thread")
public class DiscussionThread {

    public enum Status {
        /** Listed and readable. */
        VISIBLE,
        /** Its first post waits for a moderator: only the author and staff see it. */
        PENDING,
        /** Taken down by a moderator. */
        HIDDEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Column(nullable = false)
    private String title;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "chatham_house", nullable = false)
    private boolean chathamHouse;

    @Column(name = "session_id")
    private Long sessionId;

    // Never null: EclipseLink would write null into section_removed for a missing embedded value.
    @Embedded
    private AboutSection section = new AboutSection();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_post_at", nullable = false)
    private OffsetDateTime lastPostAt;

    @Column(name = "last_post_id")
    private Long lastPostId;

    @Column(name = "post_count", nullable = false)
    private int postCount;

    // A list of threads reads all their tags in one query, not one query a thread.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "discussion_thread_tag", joinColumns = @JoinColumn(name = "thread_id"))
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new TreeSet<>();

    @Version
    private long version;

    protected DiscussionThread() {}

    public DiscussionThread(
            Category category,
            String title,
            long authorId,
            boolean chathamHouse,
            Long sessionId,
            Set<String> tags,
            boolean awaitsReview,
            OffsetDateTime now) {
        this.categoryId = category.getId();
        this.title = title;
        this.authorId = authorId;
        this.chathamHouse = chathamHouse;
        this.sessionId = sessionId;
        this.tags = new TreeSet<>(tags);
        this.status = awaitsReview ? Status.PENDING : Status.VISIBLE;
        this.createdAt = now;
        this.lastPostAt = now;
    }

    /** Sets the counters from the thread's visible posts: how many, and the last one's id and time. */
    public void recount(long visiblePosts, Long lastPostId, OffsetDateTime lastPostAt) {
        this.postCount = (int) visiblePosts;
        this.lastPostId = lastPostId;
        if (lastPostAt != null) {
            this.lastPostAt = lastPostAt;
        }
    }

    /** Makes the thread one about a report's section. */
    public void about(AboutSection section) {
        this.section = section;
    }

    /** Follows a change of its section's report: a new title or heading (null for a removed section). */
    public boolean followSection(String reportTitle, String heading) {
        return section.follow(reportTitle, heading);
    }

    public void approve() {
        if (status == Status.PENDING) {
            status = Status.VISIBLE;
        }
    }

    public void hide() {
        status = Status.HIDDEN;
    }

    public void restore() {
        status = Status.VISIBLE;
    }

    public void pin(boolean pinned) {
        this.pinned = pinned;
    }

    public void lock(boolean locked) {
        this.locked = locked;
    }

    public void retitle(String title, Set<String> tags) {
        this.title = title;
        this.tags.clear();
        this.tags.addAll(tags);
    }

    public boolean visible() {
        return status == Status.VISIBLE;
    }

    public Long getId() {
        return id;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public String getTitle() {
        return title;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public boolean isChathamHouse() {
        return chathamHouse;
    }

    public Long getSessionId() {
        return sessionId;
    }

    /** The report section the thread is about, or null. */
    public AboutSection getSection() {
        return section.getReportId() == null ? null : section;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isLocked() {
        return locked;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastPostAt() {
        return lastPostAt;
    }

    public Long getLastPostId() {
        return lastPostId;
    }

    public int getPostCount() {
        return postCount;
    }

    public Set<String> getTags() {
        return tags;
    }
}
