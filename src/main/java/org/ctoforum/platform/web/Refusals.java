package org.ctoforum.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemType;

/**
 * What a filter answers when it turns a request away before any page or resource runs: a short page for pages, a
 * problem body for everything else. It needs nothing that might be down or busy.
 */
public final class Refusals {

    public static void send(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        send(request, response, type, detail, Map.of());
    }

    /** {@code extensions} go into the problem body; a {@code retryAfter} among them also becomes the header. */
    public static void send(
            HttpServletRequest request,
            HttpServletResponse response,
            ProblemType type,
            String detail,
            Map<String, Object> extensions)
            throws IOException {
        response.resetBuffer();
        response.setStatus(type.status());
        if (extensions.get("retryAfter") != null) {
            response.setHeader("Retry-After", String.valueOf(extensions.get("retryAfter")));
        }
        if (request.getRequestURI().endsWith(".xhtml")) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><title>" + escaped(type.title()) + "</title></head>"
                            + "<body><main><h1>" + escaped(type.title()) + "</h1><p>" + escaped(detail) + "</p></main>"
                            + "</body></html>");
        } else {
            ProblemAnswers.send(response, type, detail, extensions);
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Refusals() {}
}
