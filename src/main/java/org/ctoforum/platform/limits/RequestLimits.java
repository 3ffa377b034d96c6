package org.ctoforum.platform.limits;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.ctoforum.platform.limits.RateLimits.Limit;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.Refusals;

/**
 * Holds searches and downloads to their rates, per signed-in account and per address, on the pages and the API
 * alike: 429 with {@code Retry-After}. The container has signed the caller in before any filter runs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLimits extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestLimits.class.getName());
    /** Title suggestions, asked at each keystroke and answered from memory, are not counted. */
    private static final Pattern SEARCH = Pattern.compile("/api/search|/search\\.xhtml");

    private static final Pattern DOWNLOAD = Pattern.compile("/reports/[^/]+/download|/api/reports/\\d+/file");

    @Inject
    RateLimits limits;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Duration> wait = Optional.empty();
        String what = null;
        if (SEARCH.matcher(path).matches()) {
            what = "searches";
            wait = take(request, Limit.SEARCH_BY_ACCOUNT, Limit.SEARCH_BY_ADDRESS);
        } else if (DOWNLOAD.matcher(path).matches()) {
            what = "downloads";
            wait = take(request, Limit.DOWNLOAD_BY_ACCOUNT, Limit.DOWNLOAD_BY_ADDRESS);
        }
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, what, Math.max(1, wait.get().toSeconds() + 1));
    }

    private Optional<Duration> take(HttpServletRequest request, Limit byAccount, Limit byAddress) {
        String address = clientAddress.of(request);
        Optional<Duration> wait = limits.take(byAddress, address);
        if (wait.isEmpty() && request.getUserPrincipal() != null) {
            wait = limits.take(byAccount, request.getUserPrincipal().getName());
        }
        return wait;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String what, long seconds)
            throws IOException {
        String who = clientAddress.of(request)
                + (request.getUserPrincipal() == null
                        ? ""
                        : ", account " + request.getUserPrincipal().getName());
        LOG.info(() -> "Too many " + what + " from " + who + "; told to wait " + seconds + " s");
        String detail = "Too many " + what + " in a short time. Try again in " + seconds + " seconds.";
        Refusals.send(request, response, ProblemType.RATE_LIMITED, detail, Map.of("retryAfter", seconds));
    }
}
