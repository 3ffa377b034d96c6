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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.platform.database.DatabaseOutage;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;

/** Every exception that reaches the API leaves as a problem body; unexpected ones are logged, never shown. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Provider
    public static class Thrown implements ExceptionMapper<Throwable> {

        @Context
        SecurityContext security;

        @Context
        UriInfo uri;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable thrown) {
            Throwable cause = unwrap(thrown);
            if (cause instanceof ProblemException problem) {
                return Problems.response(problem);
            }
            if (cause instanceof ConstraintViolationException invalid) {
                return Problems.response(ProblemType.VALIDATION, describe(invalid), Map.of());
            }
            if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
                return security.getUserPrincipal() == null
                        ? Problems.response(ProblemException.unauthorized())
                        : Problems.response(
                                ProblemException.forbidden("Your account does not have the right for this."));
            }
            if (cause instanceof WebApplicationException web) {
                return fromStatus(web);
            }
            if (cause instanceof JsonbException || cause instanceof ProcessingException) {
                return unreadableBody();
            }
            if (optimisticLockIn(cause)) {
                LOG.info(() -> "A concurrent change won: " + cause);
                return Problems.response(
                        ProblemType.CHANGED_MEANWHILE,
                        "Someone else changed this at the same moment, and nothing of yours was saved. Reload it and"
                                + " try again.",
                        Map.of());
            }
            if (DatabaseOutage.causedBy(thrown)) {
                LOG.warning(() -> "The database is unreachable: " + cause);
                return Problems.response(
                        ProblemType.UNAVAILABLE,
                        "The portal cannot reach its database just now, and nothing was changed. Try again in a few"
                                + " seconds.",
                        Map.of("retryAfter", DatabaseOutage.RETRY_AFTER_SECONDS));
            }
            LOG.log(Level.SEVERE, "Unexpected failure in the API", thrown);
            return Problems.response(
                    ProblemType.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.", Map.of());
        }

        private Response fromStatus(WebApplicationException web) {
            Optional<String> parameter = BadParameter.describe(web, uri, headers);
            if (parameter.isPresent()) {
                return Problems.response(ProblemType.VALIDATION, parameter.get(), Map.of());
            }
            if (web.getCause() instanceof JsonbException || web.getCause() instanceof ProcessingException) {
                return unreadableBody();
            }
            int status = web.getResponse().getStatus();
            return switch (status) {
                case 400 -> Problems.response(
                        ProblemType.UNREADABLE_BODY,
                        "The request could not be read: check its body, its parts and their headers against /openapi.",
                        Map.of());
                case 404 -> Problems.response(ProblemException.notFound("This API path or object"));
                    // The Allow header JAX-RS worked out is what tells the client which methods would do.
                case 405 -> Response.fromResponse(Problems.response(
                                ProblemType.METHOD_NOT_ALLOWED, "This path does not take that method.", Map.of()))
                        .allow(web.getResponse().getAllowedMethods())
                        .build();
                case 406 -> Problems.response(ProblemType.NOT_ACCEPTABLE, "This path answers only in JSON.", Map.of());
                case 415 -> Problems.response(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "This call takes a different content type; see /openapi.",
                        Map.of());
                default -> ProblemType.generalFor(status)
                        .map(type -> Problems.response(type, web.getMessage(), Map.of()))
                        .orElseGet(() -> Problems.plain(status, reasonPhrase(status), web.getMessage())
                                .build());
            };
        }

        private static Response unreadableBody() {
            return Problems.response(
                    ProblemType.UNREADABLE_BODY, "The request body is not valid JSON for this call.", Map.of());
        }

        private static String reasonPhrase(int status) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "Error" : known.getReasonPhrase();
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
            return Problems.response(ProblemType.VALIDATION, Thrown.describe(invalid), Map.of());
        }
    }

    static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return field + " " + violation.getMessage();
    }

    private ProblemMappers() {}
}
