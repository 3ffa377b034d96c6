package org.ctoforum.forums.boundary;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.forums.entity.SessionChange;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.Problems;
import org.ctoforum.platform.settings.Settings;

/**
 * Feeds that calendar and feed readers fetch without signing in: a member's agenda behind its secret address
 * ({@code /feeds/agenda/<token>.ics}), and an edition's change log as Atom ({@code /feeds/forums/<id>/changes.atom}).
 */
@WebServlet("/feeds/*")
public class ForumFeeds extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern AGENDA = Pattern.compile("/agenda/([A-Za-z0-9_-]{10,100})\\.ics");
    private static final Pattern CHANGES = Pattern.compile("/forums/(\\d{1,18})/changes\\.atom");

    @Inject
    Agendas agendas;

    @Inject
    Editions editions;

    @Inject
    Schedule schedule;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            Matcher agenda = AGENDA.matcher(path);
            Matcher changes = CHANGES.matcher(path);
            if (agenda.matches()) {
                Optional<String> calendar = agendas.feed(agenda.group(1));
                if (calendar.isEmpty()) {
                    throw ProblemException.notFound("This calendar address");
                }
                send(response, "text/calendar; charset=UTF-8", calendar.get());
            } else if (changes.matches()) {
                send(response, "application/atom+xml; charset=UTF-8", atom(Long.parseLong(changes.group(1))));
            } else {
                throw ProblemException.notFound("This feed");
            }
        } catch (ProblemException problem) {
            response.setStatus(problem.status());
            send(response, Problems.PROBLEM_JSON.toString(), Problems.body(problem));
        }
    }

    private String atom(long editionId) {
        EditionView edition = editions.get(editionId);
        List<SessionChange> log = schedule.changes(editionId);
        String link = settings.baseUrl() + "/forums/edition.xhtml?id=" + editionId;
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Agenda changes: " + edition.title());
        feed.setLink(link);
        feed.setUri(settings.baseUrl() + "/feeds/forums/" + editionId + "/changes.atom");
        feed.setDescription("Sessions moved, changed or cancelled since the agenda was published.");
        feed.setPublishedDate(
                log.isEmpty()
                        ? new Date(0)
                        : Date.from(log.get(0).getChangedAt().toInstant()));
        feed.setEntries(log.stream().map(change -> entry(change, link)).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("The change feed could not be written", e);
        }
    }

    private static SyndEntry entry(SessionChange change, String link) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(change.getDescription());
        entry.setLink(link + "#session-" + change.getSessionId());
        entry.setUri("urn:cto-forum:session-change:" + change.getId());
        entry.setAuthor("CTO Forum staff");
        Date at = Date.from(change.getChangedAt().toInstant());
        entry.setPublishedDate(at);
        entry.setUpdatedDate(at);
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(change.getKind().name().toLowerCase() + ": " + change.getDescription());
        entry.setDescription(summary);
        return entry;
    }

    private static void send(HttpServletResponse response, String type, String body) throws IOException {
        response.setContentType(type);
        response.setHeader("Cache-Control", "private, max-age=300");
        response.getWriter().write(body);
    }
}
