package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.ctoforum.platform.web.Validators.Preconditions;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-12-01T10:20:30.456Z");
    private static final String CHANGED_FIELD = "Tue, 01 Dec 2026 10:20:30 GMT";

    @Test
    void theTagComesFromTheBytesAndTheDateIsWholeSeconds() {
        Validators validators = Validators.of("BEGIN:VCALENDAR", CHANGED);
        assertEquals(validators.etag(), Validators.of("BEGIN:VCALENDAR", NOW).etag());
        assertNotEquals(
                validators.etag(), Validators.of("BEGIN:VCALENDAR ", CHANGED).etag());
        assertTrue(validators.etag().matches("\"[0-9a-f]{64}\""), validators.etag());
        assertEquals(Map.of("ETag", validators.etag(), "Last-Modified", CHANGED_FIELD), validators.headers());
        assertEquals(
                Map.of("ETag", validators.etag()),
                Validators.of("BEGIN:VCALENDAR", null).headers(),
                "no date when unknown");
    }

    @Test
    void ifNoneMatchComparesWeaklyAndComesFirst() {
        Validators validators = Validators.of("feed", CHANGED);
        String tag = validators.etag();
        assertTrue(notModified(validators, "GET", tag, null));
        assertTrue(notModified(validators, "HEAD", "\"a\", W/" + tag, null));
        assertTrue(notModified(validators, "GET", "*", null));
        assertFalse(notModified(validators, "GET", "\"a\"", CHANGED_FIELD), "If-Modified-Since is then ignored");
        assertFalse(notModified(validators, "POST", tag, null), "a 304 answers only GET and HEAD");
    }

    @Test
    void ifModifiedSinceNeedsAKnownChangeAndAValidPastDate() {
        Validators validators = Validators.of("feed", CHANGED);
        assertTrue(notModified(validators, "GET", null, CHANGED_FIELD));
        assertTrue(notModified(validators, "GET", null, "Wed, 02 Dec 2026 00:00:00 GMT"));
        assertFalse(notModified(validators, "GET", null, "Tue, 01 Dec 2026 10:20:29 GMT"));
        assertFalse(notModified(validators, "GET", null, "Sun, 06 Dec 2026 15:00:01 GMT"), "in the future");
        assertFalse(notModified(validators, "GET", null, "yesterday"));
        assertFalse(notModified(Validators.of("feed", null), "GET", null, CHANGED_FIELD), "no Last-Modified");
    }

    private static boolean notModified(Validators validators, String method, String ifNoneMatch, String since) {
        return validators.notModified(new Preconditions(method, ifNoneMatch, since), NOW);
    }
}
