package org.ctoforum.platform.problem;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the caller can act on: a status, a short title and a detail that says what to do. Boundaries throw it;
 * the API turns it into {@code application/problem+json}, pages into a message. It rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "Sign-in required", "Sign in, or send HTTP Basic credentials or a token.");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Not allowed", detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist.");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException tooSlow(String detail) {
        return new ProblemException(408, "Too slow", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Too large", detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too many requests", detail, Map.of("retryAfter", retryAfterSeconds));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
