package org.ctoforum.membership.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.ctoforum.platform.security.Role;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration TWO_WEEKS = Duration.ofDays(14);

    private static Invitation invitation() {
        return new Invitation(
                EmailAddress.parse("new@district.example"),
                "New Person",
                EnumSet.of(Role.PRESS),
                null,
                "hash",
                1L,
                SENT,
                TWO_WEEKS);
    }

    @Test
    void itIsPendingUntilItExpiresAndAResendGivesItANewPeriod() {
        Invitation invitation = invitation();
        assertEquals(Invitation.Status.PENDING, invitation.statusAt(SENT.plusDays(13)));
        assertEquals(Invitation.Status.EXPIRED, invitation.statusAt(SENT.plus(TWO_WEEKS)));
        assertThrows(IllegalStateException.class, () -> invitation.accept(7, SENT.plusDays(15)), "expired");

        invitation.resend("new hash", SENT.plusDays(20), TWO_WEEKS);
        assertEquals(Invitation.Status.PENDING, invitation.statusAt(SENT.plusDays(21)));
        assertEquals(2, invitation.getSentCount());
        invitation.accept(7, SENT.plusDays(21));
        assertEquals(Invitation.Status.ACCEPTED, invitation.statusAt(SENT.plusDays(100)), "accepted for good");
        assertThrows(IllegalStateException.class, () -> invitation.accept(8, SENT.plusDays(22)), "only once");
        assertThrows(IllegalStateException.class, () -> invitation.revoke(SENT.plusDays(22)));
    }

    @Test
    void aRevokedInvitationCanNeitherBeAcceptedNorSent() {
        Invitation invitation = invitation();
        invitation.revoke(SENT.plusDays(1));
        assertEquals(Invitation.Status.REVOKED, invitation.statusAt(SENT.plusDays(2)));
        assertThrows(IllegalStateException.class, () -> invitation.accept(7, SENT.plusDays(2)));
        assertThrows(IllegalStateException.class, () -> invitation.resend("h", SENT.plusDays(2), TWO_WEEKS));
    }
}
