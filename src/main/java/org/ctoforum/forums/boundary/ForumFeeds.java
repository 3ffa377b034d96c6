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
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.forums.entity.SessionChange;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.AtomFeeds;
import org.ctoforum.platform.web.ProblemAnswers;
import org.ctoforum.platform.web.Validators;

/**
 * Feeds that calendar and feed readers fetch without signing in: a member's agenda behind its secret address
 * ({@code /feeds/agenda/<token>.ics}), and an edition's change log as Atom ({@code /feeds/forums/<id>/changes.atom}).
 * Both carry an ETag from their bytes, so a reader that polls gets 304 until something changes; the change log also
 * carries its latest change as Last-Modified and updated (its publication while it is empty).
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
                Agendas.CalendarFile calendar = agendas.feed(agenda.group(1))
                        .orElseThrow(() -> ProblemException.notFound("This calendar address"));
                send(request, response, "text/calendar; charset=UTF-8", calendar.text(), calendar.validators());
            } else if (changes.matches()) {
                long editionId = Long.parseLong(changes.group(1));
                Instant changedAt = schedule.agendaChangedAt(editionId).orElse(AtomFeeds.PORTAL_STARTED);
                String atom = atom(editionId, changedAt);
                send(request, response, "application/atom+xml; charset=UTF-8", atom, Validators.of(atom, changedAt));
            } else {
                throw ProblemException.notFound("This feed");
            }
        } catch (ProblemException problem) {
            ProblemAnswers.send(response, problem);
        }
    }

    private String atom(long editionId, Instant changedAt) {
        EditionView edition = editions.get(editionId);
        List<SessionChange> log = schedule.changes(editionId);
        String link = settings.baseUrl() + "/forums/edition.xhtml?id=" + editionId;
        String self = settings.baseUrl() + "/feeds/forums/" + editionId + "/changes.atom";
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Agenda changes: " + edition.title());
        feed.setLinks(AtomFeeds.links(link, self));
        feed.setUri(self);
        feed.setDescription("Sessions moved, changed or cancelled since the agenda was published.");
        feed.setPublishedDate(Date.from(changedAt));
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

    private static void send(
            HttpServletRequest request, HttpServletResponse response, String type, String body, Validators validators)
            throws IOException {
        response.setHeader("Cache-Control", "private, max-age=300");
        if (validators.answeredNotModified(request, response)) {
            return;
        }
        response.setContentType(type);
        response.getWriter().write(body);
    }
}
