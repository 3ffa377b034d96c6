package org.ctoforum.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;

/** Builds RFC 9457 problem responses. Details are written for people; no stack trace ever goes out. */
public final class Problems {

    public static final MediaType PROBLEM_JSON =
            new MediaType("application", "problem+json", StandardCharsets.UTF_8.name());

    public static Response response(ProblemType type, String detail, Map<String, Object> extensions) {
        return builder(type.status(), body(type, detail, extensions), extensions)
                .build();
    }

    public static Response response(ProblemException problem) {
        return response(problem.type(), problem.detail(), problem.extensions());
    }

    /** A status no {@link ProblemType} describes: {@code about:blank}, the status's own meaning and nothing more. */
    static Response.ResponseBuilder plain(int status, String title, String detail) {
        return builder(status, body("about:blank", title, status, detail, Map.of()), Map.of());
    }

    private static Response.ResponseBuilder builder(int status, String body, Map<String, Object> extensions) {
        Response.ResponseBuilder builder =
                Response.status(status).type(PROBLEM_JSON).entity(body);
        Object retryAfter = extensions.get("retryAfter");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"CTO Forum\", Bearer");
        }
        return builder;
    }

    /** The problem document itself, for writers outside JAX-RS such as the authentication mechanism. */
    public static String body(ProblemType type, String detail, Map<String, Object> extensions) {
        return body(type.uri(), type.title(), type.status(), detail, extensions);
    }

    public static String body(ProblemException problem) {
        return body(problem.type(), problem.detail(), problem.extensions());
    }

    private static String body(String type, String title, int status, String detail, Map<String, Object> extensions) {
        JsonObjectBuilder body =
                Json.createObjectBuilder().add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        extensions.forEach((name, value) -> body.add(name, json(value)));
        return body.build().toString();
    }

    /** A number, a list (such as the missing answers' codes) as an array, anything else as its text. */
    private static JsonValue json(Object value) {
        if (value instanceof Number number) {
            return Json.createValue(number.longValue());
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        return Json.createValue(String.valueOf(value));
    }

    private Problems() {}
}
