package org.ctoforum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.ctoforum.platform.problem.ProblemException;

/**
 * Payara's MicroProfile Health servlet answers every path under /health with all the checks, so a mistyped probe
 * such as /health/redy would pass for ever. Only the addresses MicroProfile Health names reach it; others are 404.
 */
@WebFilter(urlPatterns = "/health/*", asyncSupported = true)
public class HealthAddresses extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> CHECKS = Set.of("/live", "/ready", "/started");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String check = request.getPathInfo();
        if (check == null || CHECKS.contains(check)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemAnswers.send(response, ProblemException.notFound("This health check"));
    }
}
