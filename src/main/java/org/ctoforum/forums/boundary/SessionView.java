package org.ctoforum.forums.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A session as pages and the API show it. Times carry the offset of the edition's zone ({@code timeZone}) at that
 * moment, so their local date and time are the edition's. {@code notesHtml} is empty for callers who may not read the
 * notes.
 */
public record SessionView(
        long id,
        long editionId,
        String title,
        String type,
        String topic,
        long roomId,
        String roomName,
        String virtualLink,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        Integer capacity,
        long seatsTaken,
        List<String> facilitators,
        String abstractHtml,
        boolean cancelled,
        int sequence,
        String notesHtml,
        boolean notesPresent,
        boolean mayWriteNotes)
        implements Serializable {

    public String typeLabel() {
        return switch (type) {
            case "KEYNOTE" -> "Keynote";
            case "WORKSHOP" -> "Workshop";
            case "UNDISCUSSABLES_CIRCLE" -> "Undiscussables circle";
            default -> "Roundtable";
        };
    }

    public String facilitatorNames() {
        return String.join(", ", facilitators);
    }

    public boolean full() {
        return capacity != null && seatsTaken >= capacity;
    }
}
