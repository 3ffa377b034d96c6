package org.ctoforum.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A valid one-page PDF of any size: the page says what it is, and an unused stream of random bytes makes up the
 * rest. Written object by object, so a gigabyte never sits in memory, and random, so no layer can compress it away.
 */
final class LargePdf {

    private static final int CHUNK = 1 << 20;

    private LargePdf() {}

    static Path write(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (CountingOutput out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(file), CHUNK))) {
            List<Long> offsets = new ArrayList<>();
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            String content = "BT /F1 24 Tf 72 720 Td (Benchmark report, " + bytes + " bytes) Tj ET";
            String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
                        + " /PieceInfo << /Bench << /Private 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            };
            for (int i = 0; i < objects.length; i++) {
                offsets.add(out.count);
                out.ascii((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
            }
            long padding = Math.max(0, bytes - out.count - 400);
            offsets.add(out.count);
            out.ascii("5 0 obj\n<< /Length " + padding + " >>\nstream\n");
            SplittableRandom random = new SplittableRandom(5);
            byte[] chunk = new byte[CHUNK];
            for (long left = padding; left > 0; left -= CHUNK) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (b * 8));
                    }
                }
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
            out.ascii("\nendstream\nendobj\n");
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
            table.append("trailer\n<< /Size ")
                    .append(offsets.size() + 1)
                    .append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref)
                    .append("\n%%EOF\n");
            out.ascii(table.toString());
        }
        return file;
    }

    private static final class CountingOutput extends OutputStream {
        private final OutputStream out;
        long count;

        CountingOutput(OutputStream out) {
            this.out = out;
        }

        void ascii(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
