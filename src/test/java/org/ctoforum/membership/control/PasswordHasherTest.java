package org.ctoforum.membership.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashMeetsAsvsAppendixC() {
        PasswordHasher.Parsed parsed = PasswordHasher.Parsed.of(hasher.hash("correct horse battery".toCharArray()));
        assertTrue(parsed.iterations() >= 600_000, "PBKDF2-HMAC-SHA256 needs at least 600,000 iterations");
        assertTrue(parsed.salt().length >= 16, "salt of at least 128 bits");
        assertEquals(32, parsed.hash().length, "256-bit derived key");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse battery".toCharArray());
        assertTrue(hasher.verify("correct horse battery".toCharArray(), stored));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), stored));
        assertFalse(hasher.needsRehash(stored));
    }

    @Test
    void sameInputHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void missingOrDamagedHashesNeverMatch() {
        assertFalse(hasher.verify("anything".toCharArray(), null));
        assertFalse(hasher.verify("anything".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("anything".toCharArray(), "pbkdf2-sha256$10$!!$!!"));
        assertNull(PasswordHasher.Parsed.of("md5$abc"));
    }

    @Test
    void weakerOldHashesAskForRehash() {
        assertTrue(hasher.needsRehash(
                "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"));
        assertTrue(hasher.needsRehash(null));
    }
}
