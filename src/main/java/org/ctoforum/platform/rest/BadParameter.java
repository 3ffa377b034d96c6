package org.ctoforum.platform.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Says which parameter a request got wrong when JAX-RS could not convert it. Jersey reports that with its
 * {@code ParamException} (a 404 for query and path parameters, a 400 for the rest), whose cause looks like a body
 * that could not be read. Jersey is not on the compile path, so its two getters are called by name.
 */
final class BadParameter {

    private static final Map<Class<?>, String> KINDS = Map.of(
            QueryParam.class, "Query parameter",
            PathParam.class, "Path parameter",
            HeaderParam.class, "Header",
            CookieParam.class, "Cookie",
            FormParam.class, "Form field",
            MatrixParam.class, "Matrix parameter");

    /** A detail naming the parameter and its value, when {@code web} is a failed parameter conversion. */
    static Optional<String> describe(WebApplicationException web, UriInfo uri, HttpHeaders headers) {
        try {
            Method name = web.getClass().getMethod("getParameterName");
            Method kind = web.getClass().getMethod("getParameterType");
            String parameter = String.valueOf(name.invoke(web));
            Class<?> annotation = (Class<?>) kind.invoke(web);
            String value = valueOf(annotation, parameter, uri, headers);
            return Optional.of(KINDS.getOrDefault(annotation, "Parameter") + " \"" + parameter + "\" "
                    + expectation(web) + (value == null ? "." : ", not \"" + value + "\"."));
        } catch (ReflectiveOperationException | ClassCastException notAParameterProblem) {
            return Optional.empty();
        }
    }

    private static String valueOf(Class<?> annotation, String parameter, UriInfo uri, HttpHeaders headers) {
        if (annotation == QueryParam.class) {
            return uri.getQueryParameters().getFirst(parameter);
        }
        if (annotation == PathParam.class) {
            return uri.getPathParameters().getFirst(parameter);
        }
        if (annotation == HeaderParam.class) {
            return headers.getHeaderString(parameter);
        }
        return null;
    }

    private static String expectation(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NumberFormatException) {
                return "must be a whole number";
            }
            if (cause instanceof DateTimeParseException) {
                return "must be an ISO-8601 date or date-time";
            }
        }
        return "has a value this call cannot read";
    }

    private BadParameter() {}
}
