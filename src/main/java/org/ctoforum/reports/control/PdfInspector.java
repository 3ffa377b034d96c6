package org.ctoforum.reports.control;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ctoforum.platform.problem.ProblemException;

/**
 * Decides whether an upload is a PDF the portal can serve and search, and takes from it what the portal needs: the
 * page count, the text and a cover image. Checks run cheapest first: size, magic bytes, the end marker, then PDFBox.
 */
public final class PdfInspector {

    /** What a valid PDF yields. */
    public record PdfFacts(int pageCount, String text, byte[] coverPng) {}

    private static final int COVER_WIDTH = 240;
    /** The longer side is rendered at most this big, whatever size the page claims: a page can claim to be miles long. */
    private static final float MAX_COVER_RENDER_PIXELS = 3f * COVER_WIDTH;

    private static final float COVER_DPI = 48;
    private static final int MAX_TEXT_CHARS = 4_000_000;
    private static final int MAX_PAGES = 2_000;
    /** What browsers read when they guess a type; markup there makes the file an HTML polyglot. */
    private static final int SNIFFED_BYTES = 1024;

    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*(!doctype|html|head|body|script|iframe|svg|object|embed|img|a\\s)", Pattern.CASE_INSENSITIVE);

    private PdfInspector() {}

    public static PdfFacts inspect(Path file) {
        long size = size(file);
        if (size == 0) {
            throw rejected("The file is empty.");
        }
        if (!startsWith(file, "%PDF-")) {
            throw rejected("The file is not a PDF: it does not start with the PDF signature (%PDF-).");
        }
        if (MARKUP.matcher(head(file, SNIFFED_BYTES)).find()) {
            throw rejected("The file holds web-page markup in its first kilobyte, where browsers look to guess a"
                    + " file's type: it is a PDF and a web page at once. Export the report to PDF again.");
        }
        if (!tailContains(file, "%%EOF")) {
            throw rejected("The PDF is truncated: its end marker (%%EOF) is missing. Upload the complete file.");
        }
        try (PDDocument document =
                Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                throw rejected("The PDF is encrypted. Upload a copy without a password or restrictions, so that"
                        + " members can open it and search can read it.");
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw rejected("The PDF has no pages.");
            }
            if (pages > MAX_PAGES) {
                throw rejected("The PDF has " + pages + " pages; reports may have at most " + MAX_PAGES + ".");
            }
            return new PdfFacts(pages, text(document), cover(document));
        } catch (InvalidPasswordException e) {
            throw rejected("The PDF is protected by a password. Upload a copy without one.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw rejected("The PDF could not be read (" + e.getClass().getSimpleName() + "): it is damaged or not"
                    + " a PDF.");
        } catch (StackOverflowError nestedTooDeep) {
            throw rejected("The PDF's objects are nested too deeply to read safely.");
        }
    }

    private static String text(PDDocument document) throws IOException {
        String text = new PDFTextStripper().getText(document).replace('\u0000', ' ');
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    /** The first page, small: enough to recognise the report, too small to read its text. */
    private static byte[] cover(PDDocument document) throws IOException {
        var box = document.getPage(0).getCropBox();
        float longerSide = Math.max(1, Math.max(box.getWidth(), box.getHeight()));
        float dpi = Math.min(COVER_DPI, MAX_COVER_RENDER_PIXELS * 72 / longerSide);
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        int height = Math.max(1, page.getHeight() * COVER_WIDTH / Math.max(1, page.getWidth()));
        BufferedImage small = new BufferedImage(COVER_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        var graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(page, 0, 0, COVER_WIDTH, height, null);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        return png.toByteArray();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(Path file, String signature) {
        byte[] expected = signature.getBytes(StandardCharsets.US_ASCII);
        byte[] head = new byte[expected.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && java.util.Arrays.equals(head, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end marker must sit in the last kilobyte; a cut-off download or upload lacks it. */
    private static boolean tailContains(Path file, String marker) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int length = (int) Math.min(1024, in.length());
            byte[] tail = new byte[length];
            in.seek(in.length() - length);
            in.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException rejected(String detail) {
        return ProblemException.badRequest(detail);
    }
}
