package org.ctoforum.platform.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.web.Refusals;

/**
 * 414 URI Too Long (RFC 9110 §15.5.15), with a problem body, for a request target over 8,000 octets, the least
 * RFC 9112 §3 asks every server to read. Grizzly itself can only answer a bare 400 to a request head bigger than its
 * header buffer, so the listener's buffer is raised to 64 KiB (header-buffer-length-bytes, set by the launcher and by
 * the tests' payara-preboot.asadmin) and the long targets it lets through are turned away here, before any page or
 * resource reads them. A head over 64 KiB still gets Grizzly's bare 400.
 */
public class RequestTargetLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestTargetLimit.class.getName());
    static final int MAX_OCTETS = 8000;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int octets = targetOctets(request.getRequestURI(), request.getQueryString());
        if (octets <= MAX_OCTETS) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "Refused a request target of " + octets + " octets (414)");
        Refusals.send(
                request,
                response,
                ProblemType.URI_TOO_LONG,
                "The address has " + octets + " octets; the portal reads addresses of up to " + MAX_OCTETS + ".");
    }

    static int targetOctets(String path, String query) {
        String target = query == null ? path : path + "?" + query;
        return target.getBytes(StandardCharsets.UTF_8).length;
    }
}
