package org.ctoforum.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.rest.Problems;

/**
 * A problem body written by a servlet or filter rather than by JAX-RS. It says UTF-8, which it is: a servlet
 * writer left to itself would say ISO-8859-1.
 */
public final class ProblemAnswers {

    public static final String CONTENT_TYPE = "application/problem+json; charset=UTF-8";

    public static void send(HttpServletResponse response, ProblemException problem) throws IOException {
        write(response, problem.status(), Problems.body(problem));
    }

    public static void send(
            HttpServletResponse response, ProblemType type, String detail, Map<String, Object> extensions)
            throws IOException {
        write(response, type.status(), Problems.body(type, detail, extensions));
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(CONTENT_TYPE);
        response.getWriter().write(body);
    }

    private ProblemAnswers() {}
}
