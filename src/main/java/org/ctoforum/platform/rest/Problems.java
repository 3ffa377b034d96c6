package org.ctoforum.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;

/** Builds RFC 9457 problem responses. Details are written for people; no stack trace ever goes out. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    public static Response response(int status, String title, String detail, Map<String, Object> extensions) {
        Response.ResponseBuilder builder =
                Response.status(status).type(PROBLEM_JSON).entity(body(status, title, detail, extensions));
        Object retryAfter = extensions.get("retryAfter");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"CTO Forum\", Bearer");
        }
        return builder.build();
    }

    public static Response response(ProblemException problem) {
        return response(problem.status(), problem.title(), problem.detail(), problem.extensions());
    }

    /** The problem document itself, for writers outside JAX-RS such as the authentication mechanism. */
    public static String body(int status, String title, String detail, Map<String, Object> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        extensions.forEach((name, value) -> body.add(
                name,
                value instanceof Number number
                        ? Json.createValue(number.longValue())
                        : Json.createValue(String.valueOf(value))));
        return body.build().toString();
    }

    private Problems() {}
}
