package org.ctoforum.platform.limits;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.Refusals;

/**
 * Form posts (the pages' postbacks) get the same 1 MiB ceiling as JSON bodies. The container parses a form whole
 * into memory and fails an oversized one deep inside the page's life cycle, with a 500; this answers 413 before a
 * byte is read. Browsers always declare a form's length, so a form without one is refused (411).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FormBodyLimit extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FormBodyLimit.class.getName());
    static final long MAX_BYTES = 1 << 20;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            LOG.info(() -> "A form without a length from " + clientAddress.of(request) + " refused");
            Refusals.send(request, response, ProblemType.LENGTH_REQUIRED, "A form must declare its length.");
        } else if (length > MAX_BYTES) {
            LOG.info(() -> "A form of " + length + " bytes from " + clientAddress.of(request) + " refused");
            Refusals.send(
                    request,
                    response,
                    ProblemType.TOO_LARGE,
                    "The form has " + length + " bytes; the limit is " + MAX_BYTES
                            + ". Shorten what you wrote, or split it.");
        } else {
            chain.doFilter(request, response);
        }
    }
}
