package org.ctoforum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/**
 * The Date field every answer carries (RFC 9110 §6.6.1): Payara Micro's Grizzly writes none. Declared in web.xml
 * for requests and error pages, like SecurityHeaders; the authentication mechanism, which answers some requests
 * before any filter runs, stamps its answers too. Set, never added, so there is only ever one.
 */
public class ResponseDate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        stamp(response);
        chain.doFilter(request, response);
    }

    public static void stamp(HttpServletResponse response) {
        response.setHeader("Date", HttpDates.format(Instant.now()));
    }
}
