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
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.Refusals;

/**
 * Uploads through the pages (a report's PDF, a member list) are staff's. The container parses a multipart form into
 * temporary files as soon as the page reads a parameter, before any page could refuse the caller; so anyone else's
 * is refused here, unread. The API's uploads have their own check, the AccessGate.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageUploads extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(PageUploads.class.getName());

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        boolean pageUpload = "POST".equals(request.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (!pageUpload || request.isUserInRole(Role.Names.STAFF)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "A page upload to " + request.getRequestURI() + " from " + clientAddress.of(request)
                + " refused: not staff");
        Refusals.send(request, response, ProblemType.FORBIDDEN, "Only staff upload files through the pages.");
    }
}
