package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfInspectorTest {

    @TempDir
    Path folder;

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(folder, "upload", ".pdf"), content);
    }

    @Test
    void aComposedPdfYieldsItsPagesTextAndCover() throws IOException {
        byte[] pdf = PdfComposer.compose(
                "Hurdles 2026",
                "Trend report · 2026",
                "What slows schools down.",
                List.of(new PdfComposer.Section(
                        "Budgets", "Money is **tight** → plan ahead 🙂. " + "Words. ".repeat(900))));
        PdfInspector.PdfFacts facts = PdfInspector.inspect(write(pdf));
        assertTrue(facts.pageCount() >= 2);
        assertTrue(facts.text().contains("Money is tight"));
        assertTrue(facts.text().contains("Hurdles 2026"));
        byte[] png = facts.coverPng();
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void whatIsNotAServeablePdfIsRefusedWithAReason() throws IOException {
        byte[] good = PdfComposer.compose("t", "s", "x", List.of(new PdfComposer.Section("h", "body")));
        assertRefused(new byte[0], "empty");
        assertRefused("Hello, I am text.".getBytes(StandardCharsets.UTF_8), "not a PDF");
        assertRefused(("<html>%PDF-1.7</html>").getBytes(StandardCharsets.UTF_8), "not a PDF");
        assertRefused(Arrays.copyOf(good, good.length - 200), "truncated");
        byte[] garbage = ("%PDF-1.7\n" + "garbage ".repeat(50) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        assertRefused(garbage, "could not be read");
    }

    private void assertRefused(byte[] content, String reason) throws IOException {
        Path file = write(content);
        ProblemException refused = assertThrows(ProblemException.class, () -> PdfInspector.inspect(file));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains(reason), refused.detail());
    }
}
