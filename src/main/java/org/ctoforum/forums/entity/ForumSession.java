package org.ctoforum.forums.entity;

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
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A session of a forum edition. Its own rules (within the edition's days, end after start, no more seats than its
 * room) are checked here; the rules that need the other sessions (room and facilitator overlaps) are
 * {@code ScheduleRules}, run by the boundary under a lock on the edition.
 */
@Entity
@Table(name = "forum_session")
public class ForumSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_id", nullable = false)
    private Long editionId;

    @Column(nullable = false)
    private String title;

    @Column(name = "abstract_markdown")
    private String abstractMarkdown;

    @Column(name = "abstract_html")
    private String abstractHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionType type;

    private String topic;

    @Column(name = "room_id", nullable = false)
    private Long roomId;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime start;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime end;

    private Integer capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "forum_session_facilitator", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "account_id", nullable = false)
    private Set<Long> facilitators = new LinkedHashSet<>();

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "notes_markdown")
    private String notesMarkdown;

    @Column(name = "notes_html")
    private String notesHtml;

    @Column(name = "scribe_id")
    private Long scribeId;

    /** Bumped on every change, so calendar clients replace their copy (iCalendar SEQUENCE). */
    @Column(nullable = false)
    private int sequence;

    @Version
    private long version;

    protected ForumSession() {}

    public ForumSession(Edition edition, String title, SessionType type) {
        this.editionId = edition.getId();
        rename(title, type);
    }

    public void rename(String title, SessionType type) {
        if (title == null || title.isBlank()) {
            throw new ScheduleException("A session needs a title.");
        }
        this.title = title.strip();
        this.type = type == null ? SessionType.ROUNDTABLE : type;
    }

    public void describe(String topic, String abstractMarkdown, String abstractHtml) {
        this.topic = topic == null || topic.isBlank() ? null : topic.strip();
        this.abstractMarkdown = abstractMarkdown;
        this.abstractHtml = abstractHtml;
    }

    /** Places the session; answers whether its time or room changed, which is what attendees must be told. */
    public boolean schedule(Edition edition, Room room, LocalDateTime start, LocalDateTime end, Integer capacity) {
        if (start == null || end == null) {
            throw new ScheduleException("A session needs a start and an end.");
        }
        if (!end.isAfter(start)) {
            throw new ScheduleException("The session must end after it starts (" + start + " to " + end + ").");
        }
        if (!edition.covers(start, end)) {
            throw new ScheduleException("The session (" + start + " to " + end + ") lies outside the edition's days, "
                    + edition.getStartDate() + " to " + edition.getEndDate() + ".");
        }
        if (!Objects.equals(room.getEditionId(), edition.getId())) {
            throw new ScheduleException("The room " + room.getName() + " belongs to another edition.");
        }
        if (capacity != null && capacity < 1) {
            throw new ScheduleException("A session's capacity must be at least 1.");
        }
        if (capacity != null && room.getCapacity() != null && capacity > room.getCapacity()) {
            throw new ScheduleException("The session's capacity " + capacity + " is more than the " + room.getCapacity()
                    + " seats of " + room.getName() + ".");
        }
        boolean moved = this.start != null
                && (!start.equals(this.start)
                        || !end.equals(this.end)
                        || !room.getId().equals(this.roomId));
        this.roomId = room.getId();
        this.start = start;
        this.end = end;
        this.capacity = capacity;
        sequence++;
        return moved;
    }

    public void assignFacilitators(Set<Long> accountIds) {
        facilitators.clear();
        facilitators.addAll(accountIds);
    }

    public void cancel() {
        cancelled = true;
        sequence++;
    }

    public void recordNotes(String markdown, String html) {
        this.notesMarkdown = markdown;
        this.notesHtml = html;
    }

    public void assignScribe(Long accountId) {
        this.scribeId = accountId;
    }

    public boolean overlaps(LocalDateTime otherStart, LocalDateTime otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    public Long getId() {
        return id;
    }

    public Long getEditionId() {
        return editionId;
    }

    public String getTitle() {
        return title;
    }

    public String getAbstractMarkdown() {
        return abstractMarkdown;
    }

    public String getAbstractHtml() {
        return abstractHtml;
    }

    public SessionType getType() {
        return type;
    }

    public String getTopic() {
        return topic;
    }

    public Long getRoomId() {
        return roomId;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public Set<Long> getFacilitators() {
        return Set.copyOf(facilitators);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getNotesMarkdown() {
        return notesMarkdown;
    }

    public String getNotesHtml() {
        return notesHtml;
    }

    public Long getScribeId() {
        return scribeId;
    }

    public int getSequence() {
        return sequence;
    }
}
