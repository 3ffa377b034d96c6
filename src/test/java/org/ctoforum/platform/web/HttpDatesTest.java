package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    private static final Instant NOV_6_1994 = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void writesImfFixdateWithATwoDigitDay() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDates.format(NOV_6_1994));
        assertEquals("Thu, 06 Aug 2026 00:00:00 GMT", HttpDates.format(Instant.parse("2026-08-06T00:00:00.900Z")));
    }

    @Test
    void readsTheThreeFormsRfc9110Names() {
        assertEquals(Optional.of(NOV_6_1994), HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(Optional.of(NOV_6_1994), HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(Optional.of(NOV_6_1994), HttpDates.parse("Sun Nov  6 08:49:37 1994"));
        assertEquals(
                Optional.of(Instant.parse("2026-12-06T14:05:09Z")), HttpDates.parse("Sun, 06 Dec 2026 14:05:09 GMT"));
    }

    @Test
    void aDateItCannotReadIsNone() {
        for (String bad : new String[] {
            null,
            "",
            "yesterday",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 CET",
            "2026-12-06T14:05:09Z"
        }) {
            assertTrue(HttpDates.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void writtenDatesReadBackToTheSecond() {
        Instant now = Instant.parse("2026-12-06T14:05:09.123Z");
        assertEquals(Optional.of(HttpDates.toSeconds(now)), HttpDates.parse(HttpDates.format(now)));
    }
}
