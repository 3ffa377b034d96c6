package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ctoforum.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() {
        byte[] body = "{\"a\": 1}".getBytes();
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), (long) body.length, 100));
    }

    @Test
    void aBodyOverTheLimitIs413DeclaredOrNot() {
        assertEquals(
                413,
                assertThrows(ProblemException.class, () -> BoundedBody.read(failing(null), 101L, 100))
                        .status(),
                "refused before a byte is read");
        assertEquals(
                413,
                assertThrows(
                                ProblemException.class,
                                () -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), null, 100))
                        .status());
    }

    @Test
    void aReadCutOffByTheRequestTimeoutIs408() {
        // Grizzly's blocking read, woken by the request timeout's interrupt.
        IOException interrupted = new IOException(new InterruptedException());
        assertEquals(
                408,
                assertThrows(ProblemException.class, () -> BoundedBody.read(failing(interrupted), null, 100))
                        .status());
    }

    @Test
    void anyOtherFailureStaysAnInputFailure() {
        IOException broken = new IOException("connection reset");
        assertThrows(UncheckedIOException.class, () -> BoundedBody.read(failing(broken), null, 100));
    }

    private static InputStream failing(IOException failure) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure == null ? new IOException("nothing may be read") : failure;
            }
        };
    }
}
