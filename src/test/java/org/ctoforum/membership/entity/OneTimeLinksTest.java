package org.ctoforum.membership.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The setup address and the confirmation link work once, and not after they expire. */
class OneTimeLinksTest {

    private static final OffsetDateTime ISSUED = OffsetDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theSetupAddressWorksOnceWithinItsDay() {
        SetupLink link = new SetupLink("hash", ISSUED, ISSUED.plusHours(24));
        assertFalse(link.usableAt(ISSUED.plusHours(24)), "expired after 24 hours");
        assertThrows(IllegalStateException.class, () -> link.use(ISSUED.plusHours(25)));
        assertTrue(link.usableAt(ISSUED.plusHours(23)));
        link.use(ISSUED.plusHours(23));
        assertFalse(link.usableAt(ISSUED.plusHours(23)), "used once");
    }

    @Test
    void aConfirmationLinkWorksOnceBeforeItExpires() {
        EmailConfirmation confirmation = new EmailConfirmation(
                7, EmailAddress.parse("new@district.example"), "hash", ISSUED, ISSUED.plusHours(48));
        assertFalse(confirmation.usableAt(ISSUED.plusHours(48)));
        confirmation.use(ISSUED.plusHours(1));
        assertThrows(IllegalStateException.class, () -> confirmation.use(ISSUED.plusHours(2)));
    }
}
