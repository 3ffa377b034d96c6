package org.ctoforum.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import org.ctoforum.platform.problem.ProblemException;

/**
 * Reads a request body into memory only up to a limit, answering 413 as soon as it is passed, and 408 when the
 * container's request timeout interrupts a body that trickles in.
 */
public final class BoundedBody {

    /** Refuses at once when the declared Content-Length is over the limit, before reading a byte. */
    public static byte[] read(InputStream body, Long declaredLength, int limit) {
        if (declaredLength != null && declaredLength > limit) {
            throw ProblemException.tooLarge(
                    "The body has " + declaredLength + " bytes; the limit is " + limit + " bytes.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (body) {
            int read;
            while ((read = body.read(buffer)) != -1) {
                if (out.size() + read > limit) {
                    throw ProblemException.tooLarge("The body is larger than the limit of " + limit + " bytes.");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            if (interrupted(e)) {
                throw ProblemException.tooSlow("The body came too slowly and the request timed out. Send it again.");
            }
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Grizzly wakes a worker past the request timeout with an interrupt, which its reads wrap in an IOException. */
    private static boolean interrupted(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private BoundedBody() {}
}
