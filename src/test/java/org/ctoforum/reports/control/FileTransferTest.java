package org.ctoforum.reports.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.ctoforum.platform.web.Validators.Preconditions;
import org.ctoforum.reports.control.FileTransfer.StoredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransferTest {

    private static final ZonedDateTime MODIFIED = ZonedDateTime.of(2026, 3, 1, 12, 30, 15, 0, ZoneOffset.UTC);

    private static final Preconditions GET = new Preconditions("GET", null, null);

    @TempDir
    Path folder;

    private StoredFile file(byte[] content) throws IOException {
        Path path = folder.resolve("f");
        Files.write(path, content);
        return new StoredFile(path, "a".repeat(64), content.length, MODIFIED, "report-v1.pdf");
    }

    @Test
    void ifRangeHoldsOnlyForTheExactEtagOrDate() throws IOException {
        StoredFile file = file(new byte[10]);
        assertTrue(FileTransfer.ifRangeHolds(null, file));
        assertTrue(FileTransfer.ifRangeHolds(file.etag(), file));
        assertFalse(FileTransfer.ifRangeHolds("W/" + file.etag(), file), "weak tags never match");
        assertTrue(FileTransfer.ifRangeHolds("Sun, 01 Mar 2026 12:30:15 GMT", file));
        assertFalse(FileTransfer.ifRangeHolds("Sun, 01 Mar 2026 12:30:16 GMT", file));
        assertFalse(FileTransfer.ifRangeHolds("yesterday", file));
    }

    @Test
    void aPlanCarriesTheHeadersAndCopiesExactlyTheRange() throws IOException {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        StoredFile file = file(content);
        FileTransfer part = FileTransfer.plan(file, "bytes=70000-139999", null, GET);
        assertEquals(206, part.status());
        assertEquals("bytes 70000-139999/200000", part.headers().get("Content-Range"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(70_000, part.copy(file.path(), out));
        assertArrayEquals(Arrays.copyOfRange(content, 70_000, 140_000), out.toByteArray());
        assertEquals(
                304,
                FileTransfer.plan(file, null, null, new Preconditions("GET", "\"x\", " + file.etag(), null))
                        .status());
        assertEquals(
                "Sun, 01 Mar 2026 12:30:15 GMT",
                FileTransfer.plan(file, null, null, GET).headers().get("Last-Modified"));
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatchOnGetOrHeadWithAPastValidDate() throws IOException {
        StoredFile file = file(new byte[10]);
        String modified = "Sun, 01 Mar 2026 12:30:15 GMT";
        assertEquals(304, status(file, "GET", null, modified));
        assertEquals(304, status(file, "HEAD", null, "Sunday, 01-Mar-26 12:30:15 GMT"), "RFC 850 is still read");
        assertEquals(304, status(file, "GET", null, "Sun Mar  1 12:30:15 2026"), "so is asctime");
        assertEquals(200, status(file, "GET", null, "Sun, 01 Mar 2026 12:30:14 GMT"), "changed since");
        assertEquals(200, status(file, "GET", "\"other\"", modified), "If-None-Match decides when present");
        assertEquals(304, status(file, "GET", "W/" + file.etag(), "Sun, 01 Mar 2026 12:30:14 GMT"));
        assertEquals(200, status(file, "GET", null, "Sun, 1 Mar 2026 12:30:15 GMT"), "not a valid date");
        assertEquals(200, status(file, "GET", null, "Fri, 01 Jan 2100 00:00:00 GMT"), "a date in the future");
        assertEquals(200, status(file, "POST", null, modified), "only GET and HEAD");
    }

    private static int status(StoredFile file, String method, String ifNoneMatch, String ifModifiedSince) {
        return FileTransfer.plan(file, null, null, new Preconditions(method, ifNoneMatch, ifModifiedSince))
                .status();
    }

    @Test
    void aHandOffToNginxKeepsTheNameAndTypeAndLeavesLengthAndRangeToIt() throws IOException {
        StoredFile file = file(new byte[5_000]);
        FileTransfer part = FileTransfer.plan(file, "bytes=100-199", null, GET);
        var handed = part.handOffHeaders("/internal-files/ab/abc");
        assertEquals("/internal-files/ab/abc", handed.get("X-Accel-Redirect"));
        assertFalse(handed.containsKey("Content-Length"));
        assertFalse(handed.containsKey("Content-Range"));
        assertEquals(part.headers().get("Content-Disposition"), handed.get("Content-Disposition"));
        assertEquals(part.headers().get("Content-Type"), handed.get("Content-Type"));
        assertEquals(part.headers().get("ETag"), handed.get("ETag"));
    }

    @Test
    void aClientThatLeavesIsCountedNotRaised() throws IOException {
        StoredFile file = file(new byte[300_000]);
        FileTransfer whole = FileTransfer.plan(file, null, null, GET);
        OutputStream leaving = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written >= 128 * 1024) {
                    throw new IOException("Broken pipe");
                }
                written += len;
            }
        };
        assertEquals(128 * 1024, whole.copy(file.path(), leaving));
    }

    @Test
    void theDownloadNameCannotBreakTheHeader() {
        String header = FileTransfer.attachment("a\"b\r\nX-Evil: 1;é.pdf");
        assertFalse(header.contains("\r") || header.contains("\n"));
        assertTrue(header.startsWith("attachment; filename=\"a_b__X-Evil__1__.pdf\"; filename*=UTF-8''"));
        assertTrue(header.endsWith("%C3%A9.pdf"));
    }
}
