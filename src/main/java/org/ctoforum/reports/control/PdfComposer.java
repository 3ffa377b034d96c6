package org.ctoforum.reports.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Writes a plain, readable PDF from a title page and Markdown sections: how trend reports written on the portal get
 * their PDF, and how the demo gets real files. Uses the Liberation Sans font that ships inside PDFBox, so any
 * Unicode text prints.
 */
public final class PdfComposer {

    public record Section(String heading, String markdown) {}

    private static final float MARGIN = 64;
    private static final float BODY_SIZE = 11;
    private static final float LEADING = 15.5f;
    private static final PDRectangle PAGE = PDRectangle.LETTER;

    private PdfComposer() {}

    public static byte[] compose(String title, String subtitle, String summary, List<Section> sections) {
        try (PDDocument document = new PDDocument();
                TrueTypeFont liberationSans = liberationSans()) {
            PDType0Font font = PDType0Font.load(document, liberationSans, true);
            Writer writer = new Writer(document, font);
            writer.titlePage(title, subtitle, summary);
            TextContentRenderer text = TextContentRenderer.builder().build();
            Parser parser = Parser.builder().build();
            for (Section section : sections) {
                writer.heading(section.heading());
                for (String paragraph :
                        text.render(parser.parse(section.markdown())).split("\n")) {
                    writer.paragraph(paragraph.strip().isEmpty() ? "" : paragraph.strip());
                }
                writer.gap();
            }
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        }
    }

    /**
     * Without glyph substitution: for Latin text it only makes ligatures, and PDFBox works them out with regular
     * expressions for every line shown, which was two fifths of writing a report.
     */
    private static TrueTypeFont liberationSans() throws IOException {
        try (InputStream fontFile =
                PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(fontFile));
            font.setEnableGsub(false);
            return font;
        }
    }

    /** Lays text out line by line, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;
        private int pageNumber;

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void titlePage(String title, String subtitle, String summary) throws IOException {
            newPage();
            y = PAGE.getHeight() - 200;
            for (String line : wrap(title, 26)) {
                line(line, 26, MARGIN);
                y -= 34;
            }
            y -= 8;
            line(subtitle, 13, MARGIN);
            y -= 40;
            for (String line : wrap(summary, 12)) {
                line(line, 12, MARGIN);
                y -= 17;
            }
            y = 0;
        }

        void heading(String heading) throws IOException {
            if (y < MARGIN + 4 * LEADING) {
                newPage();
            }
            y -= 6;
            for (String line : wrap(heading, 15)) {
                line(line, 15, MARGIN);
                y -= 22;
            }
        }

        void paragraph(String text) throws IOException {
            if (text.isEmpty()) {
                y -= LEADING / 2;
                return;
            }
            for (String line : wrap(text, BODY_SIZE)) {
                if (y < MARGIN) {
                    newPage();
                }
                line(line, BODY_SIZE, MARGIN);
                y -= LEADING;
            }
        }

        void gap() {
            y -= LEADING;
        }

        void finish() throws IOException {
            if (content != null) {
                content.close();
            }
        }

        private void newPage() throws IOException {
            finish();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pageNumber++;
            y = PAGE.getHeight() - MARGIN;
            if (pageNumber > 1) {
                float saved = y;
                y = MARGIN / 2;
                line(Integer.toString(pageNumber), 9, PAGE.getWidth() / 2);
                y = saved;
            }
        }

        private void line(String text, float size, float x) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(text));
            content.endText();
        }

        /** The font has no glyph for some characters (emoji, say): they print as '?' instead of failing. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                int codePoint = text.codePointAt(i);
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IOException | IllegalArgumentException noGlyph) {
                    out.append('?');
                }
                i += Character.charCount(codePoint);
            }
            return out.toString();
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PAGE.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            float spaceWidth = font.getStringWidth(" ") / 1000 * size;
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : text.replaceAll("\\s+", " ").strip().split(" ")) {
                float wordWidth = font.getStringWidth(printable(word)) / 1000 * size;
                if (!line.isEmpty() && lineWidth + spaceWidth + wordWidth > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                    lineWidth = wordWidth;
                } else {
                    lineWidth += line.isEmpty() ? wordWidth : spaceWidth + wordWidth;
                    line.append(line.isEmpty() ? "" : " ").append(word);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
