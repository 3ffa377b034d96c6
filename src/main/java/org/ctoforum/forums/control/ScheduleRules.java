package org.ctoforum.forums.control;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that need the other sessions of an edition: no two sessions share a room at overlapping times, and no
 * facilitator is in two places at once. Back-to-back (one ends as the next starts) is not an overlap.
 */
public final class ScheduleRules {

    /** What the rules need to know of a session. A new session has no id yet. */
    public record Slot(
            Long sessionId, String title, long roomId, LocalDateTime start, LocalDateTime end, Set<Long> facilitators) {

        boolean overlaps(Slot other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    /** A broken rule, naming the session it clashes with. */
    public record Conflict(Slot with, String reason) {}

    /** The first clash of {@code candidate} with the edition's other live sessions, if any. */
    public static Optional<Conflict> firstConflict(Slot candidate, Collection<Slot> others) {
        for (Slot other : others) {
            if (other.sessionId() != null && other.sessionId().equals(candidate.sessionId())) {
                continue;
            }
            if (!candidate.overlaps(other)) {
                continue;
            }
            if (other.roomId() == candidate.roomId()) {
                return Optional.of(new Conflict(
                        other,
                        "The room is taken at that time by \"" + other.title() + "\" (" + other.start() + " to "
                                + other.end() + ")."));
            }
            Set<Long> shared = new HashSet<>(candidate.facilitators());
            shared.retainAll(other.facilitators());
            if (!shared.isEmpty()) {
                return Optional.of(new Conflict(
                        other,
                        "A facilitator is already leading \"" + other.title() + "\" at that time (" + other.start()
                                + " to " + other.end() + ")."));
            }
        }
        return Optional.empty();
    }

    private ScheduleRules() {}
}
