package org.ctoforum.platform.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Pages and files whose database is unreachable answer 503 with a short page at once, instead of a 500 whose error
 * page would need the database too. The API does the same with a problem body (ProblemMappers).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutagePages extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseOutagePages.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "The database is unreachable for " + request.getRequestURI() + ": " + e);
            answer(response);
        }
    }

    /** Static, so that it needs nothing that is down. */
    public static void answer(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><title>Back in a moment</title></head><body><main>"
                        + "<h1>Back in a moment</h1><p>The portal cannot reach its database just now, and nothing"
                        + " was changed. Try again in a few seconds.</p></main></body></html>");
    }
}
