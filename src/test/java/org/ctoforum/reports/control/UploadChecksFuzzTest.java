package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ctoforum.platform.problem.ProblemException;

/**
 * Jazzer, coverage-guided, at what a client controls on the way in: the Range header, the upload's name and the
 * upload's bytes. Each may only ever answer with a well-formed result or a 400-class {@link ProblemException}; any
 * other exception, or a result that breaks its own rules, is a finding. The run is time-boxed (surefire's {@code fuzz}
 * execution sets {@code JAZZER_FUZZ=1}); findings are kept under src/test/resources as regression inputs.
 */
class UploadChecksFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void clientInputIsParsedOrRefusedNeverMisread(FuzzedDataProvider data) throws IOException {
        long size = data.consumeLong(0, Long.MAX_VALUE / 2);
        ByteRange range = ByteRange.parse(data.consumeString(120), size);
        if (range instanceof ByteRange.Part part) {
            assertTrue(part.first() >= 0 && part.first() <= part.last() && part.last() < size, part + " of " + size);
        }

        String name = data.consumeString(260);
        try {
            UploadNames.check(name);
            assertFalse(name.contains("/") || name.contains("\\") || name.contains(".."), name);
            assertTrue(
                    name.codePoints()
                            .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT),
                    name);
        } catch (ProblemException refused) {
            assertEquals(400, refused.status());
        }

        Path upload = Files.createTempFile("fuzzed", ".pdf");
        try {
            Files.write(upload, data.consumeRemainingAsBytes());
            PdfInspector.inspect(upload);
        } catch (ProblemException refused) {
            assertEquals(400, refused.status());
        } finally {
            Files.delete(upload);
        }
    }
}
