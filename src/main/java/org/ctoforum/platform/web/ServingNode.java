package org.ctoforum.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ctoforum.platform.settings.Settings;

/**
 * In a cluster, names the node that answered in {@code X-Portal-Node}, so an operator reading a browser's network tab
 * or nginx's log knows which node's log to open. Alone, it adds nothing.
 */
public class ServingNode extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (settings.clustered()) {
            response.setHeader("X-Portal-Node", settings.nodeName());
        }
        chain.doFilter(request, response);
    }
}
