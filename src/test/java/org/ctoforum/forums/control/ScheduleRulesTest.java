package org.ctoforum.forums.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ScheduleRulesTest {

    private static final LocalDateTime DAY = LocalDateTime.of(2027, 3, 15, 8, 0);

    private static ScheduleRules.Slot slot(long id, long room, int startMinute, int minutes, Long... facilitators) {
        return new ScheduleRules.Slot(
                id,
                "S" + id,
                room,
                DAY.plusMinutes(startMinute),
                DAY.plusMinutes(startMinute + minutes),
                Set.of(facilitators));
    }

    @Test
    void aTakenRoomNamesTheSessionHoldingIt() {
        var keynote = slot(1, 10, 60, 60, 100L);
        var conflict = ScheduleRules.firstConflict(slot(2, 10, 90, 30, 200L), List.of(keynote));
        assertTrue(conflict.isPresent());
        assertEquals(1L, conflict.get().with().sessionId());
        assertTrue(conflict.get().reason().contains("\"S1\""), conflict.get().reason());
    }

    @Test
    void aBusyFacilitatorIsAConflictInAnotherRoom() {
        var conflict = ScheduleRules.firstConflict(slot(2, 11, 90, 30, 100L), List.of(slot(1, 10, 60, 60, 100L)));
        assertTrue(conflict.isPresent());
        assertTrue(conflict.get().reason().contains("facilitator"));
    }

    @Test
    void backToBackIsFineAndASessionNeverClashesWithItself() {
        assertFalse(ScheduleRules.firstConflict(slot(2, 10, 120, 30, 100L), List.of(slot(1, 10, 60, 60, 100L)))
                .isPresent());
        assertFalse(ScheduleRules.firstConflict(slot(1, 10, 70, 30, 100L), List.of(slot(1, 10, 60, 60, 100L)))
                .isPresent());
    }

    /** Whatever staff try, in whatever order, the accepted schedule never double-books a room or a person. */
    @Property(tries = 300)
    void noAcceptedScheduleHasAnOverlap(@ForAll("attempts") List<ScheduleRules.Slot> attempts) {
        List<ScheduleRules.Slot> accepted = new ArrayList<>();
        for (ScheduleRules.Slot attempt : attempts) {
            if (ScheduleRules.firstConflict(attempt, accepted).isEmpty()) {
                accepted.add(attempt);
            }
        }
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                var a = accepted.get(i);
                var b = accepted.get(j);
                boolean overlap = a.start().isBefore(b.end()) && b.start().isBefore(a.end());
                if (!overlap) {
                    continue;
                }
                assertFalse(a.roomId() == b.roomId(), "room double-booked: " + a + " / " + b);
                Set<Long> shared = new HashSet<>(a.facilitators());
                shared.retainAll(b.facilitators());
                assertTrue(shared.isEmpty(), "facilitator double-booked: " + a + " / " + b);
            }
        }
    }

    @Provide
    Arbitrary<List<ScheduleRules.Slot>> attempts() {
        Arbitrary<ScheduleRules.Slot> slot = Combinators.combine(
                        Arbitraries.longs().between(1, 3),
                        Arbitraries.integers().between(0, 40).map(q -> q * 15),
                        Arbitraries.integers().between(1, 8).map(q -> q * 15),
                        Arbitraries.longs().between(1, 5).set().ofMinSize(0).ofMaxSize(2))
                .as((room, start, length, people) -> new ScheduleRules.Slot(
                        null, "generated", room, DAY.plusMinutes(start), DAY.plusMinutes(start + length), people));
        return slot.list().ofMinSize(1).ofMaxSize(25);
    }
}
