package org.ctoforum.platform.rest;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.platform.database.DatabaseOutage;
import org.ctoforum.platform.problem.ProblemException;

/** Every exception that reaches the API leaves as a problem body; unexpected ones are logged, never shown. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Provider
    public static class Thrown implements ExceptionMapper<Throwable> {

        @Context
        SecurityContext security;

        @Override
        public Response toResponse(Throwable thrown) {
            Throwable cause = unwrap(thrown);
            if (cause instanceof ProblemException problem) {
                return Problems.response(problem);
            }
            if (cause instanceof ConstraintViolationException invalid) {
                return Problems.response(400, "Invalid input", describe(invalid), Map.of());
            }
            if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
                return security.getUserPrincipal() == null
                        ? Problems.response(ProblemException.unauthorized())
                        : Problems.response(
                                403, "Not allowed", "Your account does not have the right for this.", Map.of());
            }
            if (cause instanceof WebApplicationException web) {
                return fromStatus(web);
            }
            if (cause instanceof JsonbException || cause instanceof ProcessingException) {
                return Problems.response(
                        400, "Unreadable body", "The request body is not valid JSON for this call.", Map.of());
            }
            if (optimisticLockIn(cause)) {
                LOG.info(() -> "A concurrent change won: " + cause);
                return Problems.response(
                        409,
                        "Changed meanwhile",
                        "Someone else changed this at the same moment, and nothing of yours was saved. Reload it and"
                                + " try again.",
                        Map.of());
            }
            if (DatabaseOutage.causedBy(thrown)) {
                LOG.warning(() -> "The database is unreachable: " + cause);
                return Problems.response(
                        503,
                        "Database unavailable",
                        "The portal cannot reach its database just now, and nothing was changed. Try again in a few"
                                + " seconds.",
                        Map.of("retryAfter", DatabaseOutage.RETRY_AFTER_SECONDS));
            }
            LOG.log(Level.SEVERE, "Unexpected failure in the API", thrown);
            return Problems.response(
                    500, "Internal error", "Something went wrong on our side; it has been logged.", Map.of());
        }

        private static Response fromStatus(WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String detail =
                    switch (status) {
                        case 400 -> "The request could not be read: check its body, its parts and their headers against"
                                + " /openapi.";
                        case 404 -> "There is no such API path or object.";
                        case 405 -> "This path does not take that method.";
                        case 406 -> "This path answers only in JSON.";
                        case 415 -> "This call takes a different content type; see /openapi.";
                        default -> web.getMessage();
                    };
            String title = Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            if (web.getCause() instanceof JsonbException || web.getCause() instanceof ProcessingException) {
                return Problems.response(
                        400, "Unreadable body", "The request body is not valid JSON for this call.", Map.of());
            }
            return Problems.response(status, title, detail, Map.of());
        }

        static String describe(ConstraintViolationException invalid) {
            return invalid.getConstraintViolations().stream()
                    .map(ProblemMappers::describe)
                    .sorted()
                    .collect(Collectors.joining("; "));
        }

        /** At flush it is thrown as it is; at commit it comes inside the transaction's rollback. */
        private static boolean optimisticLockIn(Throwable thrown) {
            for (Throwable current = thrown; current != null; current = current.getCause()) {
                if (current instanceof OptimisticLockException) {
                    return true;
                }
            }
            return false;
        }

        private static Throwable unwrap(Throwable thrown) {
            Throwable current = thrown;
            while (current instanceof EJBException
                    && !(current instanceof AccessLocalException)
                    && current.getCause() != null) {
                current = current.getCause();
            }
            return current;
        }
    }

    /** Jersey ships its own mapper for validation failures; this one is closer, so ours wins. */
    @Provider
    public static class Invalid implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException invalid) {
            return Problems.response(400, "Invalid input", Thrown.describe(invalid), Map.of());
        }
    }

    static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return field + " " + violation.getMessage();
    }

    private ProblemMappers() {}
}
