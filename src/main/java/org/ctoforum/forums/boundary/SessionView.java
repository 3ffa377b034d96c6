package org.ctoforum.forums.boundary;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A session as pages and the API show it. Times are local to the edition's zone. {@code notesHtml} is empty for
 * callers who may not read the notes.
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
        LocalDateTime start,
        LocalDateTime end,
        Integer capacity,
        long seatsTaken,
        List<String> facilitators,
        String abstractHtml,
        boolean cancelled,
        int sequence,
        String notesHtml,
        boolean notesPresent,
        boolean mayWriteNotes) {

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
