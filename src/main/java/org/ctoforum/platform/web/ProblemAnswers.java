package org.ctoforum.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.Problems;

/**
 * A problem body written by a servlet or filter rather than by JAX-RS. It says UTF-8, which it is: a servlet
 * writer left to itself would say ISO-8859-1.
 */
public final class ProblemAnswers {

    public static final String CONTENT_TYPE = "application/problem+json; charset=UTF-8";

    public static void send(HttpServletResponse response, ProblemException problem) throws IOException {
        send(response, problem.status(), problem.title(), problem.detail(), problem.extensions());
    }

    public static void send(
            HttpServletResponse response, int status, String title, String detail, Map<String, Object> extensions)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(CONTENT_TYPE);
        response.getWriter().write(Problems.body(status, title, detail, extensions));
    }

    private ProblemAnswers() {}
}
