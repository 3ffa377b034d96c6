package org.ctoforum.forums.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.ctoforum.forums.entity.Edition;

/** An edition as pages and the API show it, with its registration state. */
public record EditionView(
        long id,
        String title,
        String season,
        int year,
        String format,
        String venue,
        String timeZone,
        LocalDate startDate,
        LocalDate endDate,
        int capacity,
        String status,
        OffsetDateTime registrationOpens,
        OffsetDateTime registrationCloses,
        boolean registrationOpen,
        long registered,
        long waitlisted)
        implements Serializable {

    static EditionView of(Edition edition, OffsetDateTime now, long registered, long waitlisted) {
        return new EditionView(
                edition.getId(),
                edition.getTitle(),
                edition.getSeason().name(),
                edition.getYear(),
                edition.getFormat().name(),
                edition.getVenue(),
                edition.getTimeZone(),
                edition.getStartDate(),
                edition.getEndDate(),
                edition.getCapacity(),
                edition.getStatus().name(),
                edition.registrationOpensAt(),
                edition.registrationClosesAt(),
                edition.registrationOpenAt(now),
                registered,
                waitlisted);
    }

    public long seatsLeft() {
        return Math.max(0, capacity - registered);
    }

    public String formatLabel() {
        return switch (format) {
            case "IN_PERSON" -> "In person";
            case "VIRTUAL" -> "Virtual";
            default -> "Hybrid";
        };
    }
}
