package org.ctoforum.forums.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EditionTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static Edition spring() {
        return new Edition(
                "Spring 2027 CTO Leadership Forum",
                Format.IN_PERSON,
                "Chicago",
                CHICAGO,
                LocalDate.of(2027, 3, 15),
                LocalDate.of(2027, 3, 16),
                40);
    }

    @Test
    void seasonAndYearFollowTheDates() {
        Edition edition = spring();
        assertEquals(Season.SPRING, edition.getSeason());
        assertEquals(2027, edition.getYear());
    }

    @Test
    void registrationOpensAtPublicationAndClosesAtTheStart() {
        Edition edition = spring();
        OffsetDateTime published = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        assertFalse(edition.registrationOpenAt(published), "a draft takes no registrations");
        edition.publish(published);
        assertTrue(edition.registrationOpenAt(published.plusDays(1)));
        OffsetDateTime startInChicago =
                LocalDate.of(2027, 3, 15).atStartOfDay(CHICAGO).toOffsetDateTime();
        assertTrue(edition.registrationOpenAt(startInChicago.minusSeconds(1)));
        assertFalse(edition.registrationOpenAt(startInChicago));
    }

    @Test
    void aRegistrationWindowThatClosesBeforeItOpensIsRefused() {
        Edition edition = spring();
        OffsetDateTime december = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        ScheduleException backwards =
                assertThrows(ScheduleException.class, () -> edition.openRegistration(december, december.minusDays(1)));
        assertTrue(backwards.getMessage().contains("registrationOpens"), backwards.getMessage());
        assertTrue(backwards.getMessage().contains("registrationCloses"), backwards.getMessage());
        assertThrows(
                ScheduleException.class,
                () -> edition.openRegistration(december.plusYears(1), null),
                "opening after the forum starts, with the start as the close");
        edition.openRegistration(december, null);
        assertEquals(december, edition.registrationOpensAt());
    }

    @Test
    void anEditionPublishedAfterItStartedNeverOpensAfterItCloses() {
        Edition edition = spring();
        edition.publish(OffsetDateTime.of(2027, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC));
        assertFalse(edition.registrationOpensAt().isAfter(edition.registrationClosesAt()));
        assertFalse(edition.registrationOpenAt(OffsetDateTime.of(2027, 6, 2, 9, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void datesInTheWrongOrderAreRefused() {
        ScheduleException e = assertThrows(
                ScheduleException.class,
                () -> new Edition(
                        "Backwards",
                        Format.VIRTUAL,
                        null,
                        CHICAGO,
                        LocalDate.of(2027, 3, 16),
                        LocalDate.of(2027, 3, 15),
                        10));
        assertTrue(e.getMessage().contains("before the start date"));
    }

    @Test
    void aSessionMustLieWithinTheEditionAndFitItsRoom() throws Exception {
        Edition edition = spring();
        var id = Edition.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(edition, 7L);
        Room room = new Room(7L, "Lakeview", 30, null);
        var roomId = Room.class.getDeclaredField("id");
        roomId.setAccessible(true);
        roomId.set(room, 3L);
        ForumSession session = new ForumSession(edition, "Cybersecurity roundtable", SessionType.ROUNDTABLE);
        LocalDateTime nine = LocalDateTime.of(2027, 3, 15, 9, 0);

        assertThrows(
                ScheduleException.class, () -> session.schedule(edition, room, nine, nine, null), "end after start");
        assertThrows(
                ScheduleException.class,
                () -> session.schedule(
                        edition, room, nine.minusDays(1), nine.minusDays(1).plusHours(1), null),
                "outside");
        ScheduleException tooBig = assertThrows(
                ScheduleException.class, () -> session.schedule(edition, room, nine, nine.plusHours(1), 31));
        assertTrue(tooBig.getMessage().contains("30 seats"));

        assertFalse(session.schedule(edition, room, nine, nine.plusHours(1), 30), "first placement is not a move");
        assertTrue(session.schedule(edition, room, nine.plusHours(1), nine.plusHours(2), 30), "a later one is");
    }

    @Test
    void theWaitlistHeadIsPromotedOnlyFromTheWaitlist() {
        OffsetDateTime now = OffsetDateTime.now();
        Registration waiting = new Registration(1, null, 5, false, now);
        assertEquals(Registration.Status.WAITLISTED, waiting.getStatus());
        waiting.promote(now);
        assertEquals(Registration.Status.REGISTERED, waiting.getStatus());
        assertThrows(IllegalStateException.class, () -> waiting.promote(now));
        assertTrue(waiting.cancel(now), "cancelling a seat frees it");
    }
}
