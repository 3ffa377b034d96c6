package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ctoforum.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class UploadNamesTest {

    @Test
    void namesWithPathsOrControlsAreRefused() {
        for (String bad : new String[] {
            "../x.pdf", "a/b.pdf", "..\\x.pdf", "C:\\x.pdf", "a\u0000.pdf", "a\nb.pdf", "x".repeat(201)
        }) {
            assertThrows(ProblemException.class, () -> UploadNames.check(bad), bad);
        }
        assertDoesNotThrow(() -> UploadNames.check("Hurdles 2026 (final).pdf"));
        assertDoesNotThrow(() -> UploadNames.check(null));
    }
}
