package org.ctoforum.platform.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ctoforum.platform.problem.ProblemException;

/** Reads a request body into memory only up to a limit, answering 413 as soon as it is passed. */
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
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private BoundedBody() {}
}
