package org.ctoforum.forums.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One CTO Leadership Forum: a spring or summer edition with its dates, place, capacity and registration window.
 * Without an explicit window, registration opens at publication and closes when the forum starts.
 */
@Entity
@Table(name = "forum_edition")
public class Edition {

    public enum Status {
        DRAFT,
        PUBLISHED,
        ARCHIVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Season season;

    @Column(name = "edition_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Format format;

    private String venue;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "registration_opens")
    private OffsetDateTime registrationOpens;

    @Column(name = "registration_closes")
    private OffsetDateTime registrationCloses;

    @Column(nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Version
    private long version;

    protected Edition() {}

    public Edition(
            String title, Format format, String venue, ZoneId zone, LocalDate start, LocalDate end, int capacity) {
        describe(title, format, venue);
        reschedule(zone, start, end, capacity);
    }

    public void describe(String title, Format format, String venue) {
        if (title == null || title.isBlank()) {
            throw new ScheduleException("An edition needs a title.");
        }
        if (format == null) {
            throw new ScheduleException("An edition needs a format: IN_PERSON, VIRTUAL or HYBRID.");
        }
        this.title = title.strip();
        this.format = format;
        this.venue = venue == null || venue.isBlank() ? null : venue.strip();
    }

    /** Dates, zone and capacity; the season and year follow from the start date. */
    public void reschedule(ZoneId zone, LocalDate start, LocalDate end, int capacity) {
        if (zone == null || start == null || end == null) {
            throw new ScheduleException("An edition needs a time zone, a start date and an end date.");
        }
        if (end.isBefore(start)) {
            throw new ScheduleException("The end date " + end + " is before the start date " + start + ".");
        }
        if (capacity < 1) {
            throw new ScheduleException("The capacity must be at least 1.");
        }
        this.timeZone = zone.getId();
        this.startDate = start;
        this.endDate = end;
        this.capacity = capacity;
        this.year = start.getYear();
        this.season = start.getMonthValue() <= 5 ? Season.SPRING : Season.SUMMER;
    }

    /** The registration window; either end left out follows publication or the forum's start. */
    public void openRegistration(OffsetDateTime opens, OffsetDateTime closes) {
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            throw new ScheduleException(
                    "registrationOpens " + opens + " must be before registrationCloses " + closes + ".");
        }
        if (opens != null && closes == null && !startOfForum().isAfter(opens)) {
            throw new ScheduleException("registrationOpens " + opens + " must be before the forum starts ("
                    + startOfForum() + "), or registrationCloses must be given after it.");
        }
        this.registrationOpens = opens;
        this.registrationCloses = closes;
    }

    public void publish(OffsetDateTime now) {
        if (status == Status.ARCHIVED) {
            throw new ScheduleException("An archived edition cannot be published again.");
        }
        if (status == Status.DRAFT) {
            status = Status.PUBLISHED;
            publishedAt = now;
        }
    }

    public void archive() {
        status = Status.ARCHIVED;
    }

    public boolean published() {
        return status != Status.DRAFT;
    }

    /**
     * When registration opens: as set, or at publication. An edition published only after registration had to
     * close never opened it, so it opens and closes at the same moment rather than after it closed.
     */
    public OffsetDateTime registrationOpensAt() {
        if (registrationOpens != null || publishedAt == null) {
            return registrationOpens;
        }
        return publishedAt.isAfter(registrationClosesAt()) ? registrationClosesAt() : publishedAt;
    }

    /** When registration closes: as set, or when the forum starts in its own zone. */
    public OffsetDateTime registrationClosesAt() {
        return registrationCloses != null ? registrationCloses : startOfForum();
    }

    private OffsetDateTime startOfForum() {
        return startDate.atStartOfDay(zone()).toOffsetDateTime();
    }

    public boolean registrationOpenAt(OffsetDateTime now) {
        OffsetDateTime opens = registrationOpensAt();
        return status == Status.PUBLISHED
                && opens != null
                && !now.isBefore(opens)
                && now.isBefore(registrationClosesAt());
    }

    /** Whether a session from start to end lies within the edition's days. */
    public boolean covers(LocalDateTime start, LocalDateTime end) {
        return !start.isBefore(startDate.atStartOfDay())
                && !end.isAfter(endDate.plusDays(1).atStartOfDay());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Season getSeason() {
        return season;
    }

    public int getYear() {
        return year;
    }

    public Format getFormat() {
        return format;
    }

    public String getVenue() {
        return venue;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public int getCapacity() {
        return capacity;
    }

    public Status getStatus() {
        return status;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }
}
