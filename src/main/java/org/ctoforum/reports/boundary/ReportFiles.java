package org.ctoforum.reports.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.ProblemAnswers;
import org.ctoforum.platform.web.Validators.Preconditions;
import org.ctoforum.reports.control.FileTransfer;
import org.ctoforum.reports.entity.Download;
import org.ctoforum.reports.entity.Report;

/**
 * The report addresses people share: {@code /reports/<slug>} (the page), {@code /reports/<slug>/download} and
 * {@code /reports/<slug>/cover.png}. Downloads follow the same rules as the API; a page visitor who is not signed in
 * is sent to sign in, and one without the right gets the report page's ways in, with 403.
 */
@WebFilter("/reports/*")
public class ReportFiles extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/reports/([a-z0-9][a-z0-9-]{0,119})(/download|/cover\\.png)?");

    @Inject
    Reports reports;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Downloads downloads;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher path = PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.matches()
                || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            chain.doFilter(request, response);
            return;
        }
        String slug = path.group(1);
        String what = path.group(2);
        if (what == null) {
            request.getRequestDispatcher("/reports/report.xhtml?slug=" + slug).forward(request, response);
            return;
        }
        try {
            if (what.equals("/cover.png")) {
                cover(slug, response);
            } else {
                download(slug, request, response);
            }
        } catch (ProblemException problem) {
            answer(problem, slug, request, response);
        }
    }

    private void download(String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String link = request.getParameter("link");
        Downloads.Ticket ticket;
        Download.Channel channel;
        if (link != null) {
            ticket = downloads.forLink(slug, link);
            channel = Download.Channel.LINK;
        } else {
            Report report = reports.visibleBySlug(slug);
            ticket = downloads.forCaller(report, version(request.getParameter("version")));
            channel = Download.Channel.PAGE;
        }
        FileTransfer transfer = FileTransfer.plan(
                ticket.file(), request.getHeader("Range"), request.getHeader("If-Range"), Preconditions.of(request));
        if (transfer.status() == 416) {
            transfer.headers().forEach(response::setHeader);
            ProblemAnswers.send(
                    response,
                    ProblemType.RANGE_NOT_SATISFIABLE,
                    "The file has " + transfer.size() + " bytes; the range asked for starts beyond it.",
                    Map.of());
            return;
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        Optional<String> handOff = downloads.handOffLocation(ticket);
        if (transfer.hasBody() && !request.getMethod().equals("HEAD") && handOff.isPresent()) {
            downloads.record(
                    ticket,
                    channel,
                    started,
                    transfer.rangeLabel(),
                    transfer.bytesAsked(),
                    true,
                    clientAddress.of(request));
            transfer.handOffHeaders(handOff.get()).forEach(response::setHeader);
            return;
        }
        response.setStatus(transfer.status());
        transfer.headers().forEach(response::setHeader);
        if (!transfer.hasBody() || request.getMethod().equals("HEAD")) {
            return;
        }
        long sent = 0;
        try {
            sent = transfer.copy(ticket.file().path(), response.getOutputStream());
        } finally {
            downloads.record(
                    ticket,
                    channel,
                    started,
                    transfer.rangeLabel(),
                    sent,
                    sent == transfer.bytesAsked(),
                    clientAddress.of(request));
        }
    }

    private void cover(String slug, HttpServletResponse response) throws IOException {
        Report report = reports.visibleBySlug(slug);
        FileTransfer.StoredFile cover =
                downloads.cover(report).orElseThrow(() -> ProblemException.notFound("A cover of this report"));
        response.setContentType("image/png");
        response.setHeader("ETag", cover.etag());
        response.setHeader("Cache-Control", "private, max-age=3600");
        Files.copy(cover.path(), response.getOutputStream());
    }

    /** Pages get pages: sign-in for the anonymous, the report page with its ways in for the rest. */
    private static void answer(
            ProblemException problem, String slug, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (problem.status() == 401) {
            String next = "/reports/" + slug + "/download";
            response.sendRedirect(
                    request.getContextPath() + "/signin.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } else if (problem.status() == 403 && request.getParameter("link") == null) {
            response.setStatus(403);
            request.getRequestDispatcher("/reports/report.xhtml?slug=" + slug + "&denied=true")
                    .forward(request, response);
        } else {
            ProblemAnswers.send(response, problem);
        }
    }

    private static Integer version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("version must be a number.");
        }
    }
}
