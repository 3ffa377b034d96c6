package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
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

    @Test
    void hostileFilesAreRefusedOrTamed() throws IOException {
        byte[] good = PdfComposer.compose("t", "s", "x", List.of(new PdfComposer.Section("h", "body")));
        String header = "%PDF-1.7\n";
        byte[] polyglot = concat(
                (header + "%<html><body><script>alert(1)</script></body></html>\n").getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(good, header.length(), good.length));
        assertRefused(polyglot, "web-page markup");

        // Arrays nested a hundred thousand deep: the parser's recursion is cut off, not the JVM.
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(handWritten("[0 0 612 792]", 1, "/Bomb " + nested), "could not be read|nested too deeply");

        assertRefused(handWritten("[0 0 612 792]", 2_001, ""), "at most 2000");

        // A page that claims to be 5 m by 200 m would need gigabytes to render at 48 dpi; its cover stays small.
        PdfInspector.PdfFacts huge = PdfInspector.inspect(write(handWritten("[0 0 14400 576000]", 1, "")));
        assertEquals(1, huge.pageCount());
        assertEquals("PNG", new String(huge.coverPng(), 1, 3, StandardCharsets.US_ASCII));
    }

    /** A minimal PDF written by hand, with a correct cross-reference table; {@code extra} goes into the catalog. */
    private static byte[] handWritten(String mediaBox, int pages, String extra) {
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R " + extra + " >>");
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + i).append(" 0 R ");
        }
        objects.add("<< /Type /Pages /Count " + pages + " /Kids [" + kids + "] >>");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox " + mediaBox + " >>");
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private void assertRefused(byte[] content, String reason) throws IOException {
        Path file = write(content);
        ProblemException refused = assertThrows(ProblemException.class, () -> PdfInspector.inspect(file));
        assertEquals(400, refused.status());
        assertTrue(Pattern.compile(reason).matcher(refused.detail()).find(), refused.detail());
    }
}
