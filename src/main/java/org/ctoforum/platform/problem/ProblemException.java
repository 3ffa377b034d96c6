package org.ctoforum.platform.problem;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A failure the caller can act on: its {@link ProblemType}, which fixes the status and the title, and a detail that
 * says what to do. Boundaries throw it; the API turns it into {@code application/problem+json}, pages into a message.
 * It rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }

    public static ProblemException unauthorized() {
        return unauthorized("Sign in, or send HTTP Basic credentials or a token.");
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist.");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException tooSlow(String detail) {
        return new ProblemException(ProblemType.TOO_SLOW, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemType.TOO_LARGE, detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.RATE_LIMITED, detail, Map.of("retryAfter", retryAfterSeconds));
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public String title() {
        return type.title();
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
