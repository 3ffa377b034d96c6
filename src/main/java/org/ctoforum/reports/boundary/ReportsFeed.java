package org.ctoforum.reports.boundary;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.AtomFeeds;
import org.ctoforum.platform.web.Validators;
import org.ctoforum.reports.entity.Report;

/**
 * The Atom feed of published reports. It is public, so it carries only what anyone may see: the title, the public
 * summary, the kind and theme. Never a section or a line of a gated file; an embargoed report appears at its moment.
 * It changes when a report is released or edited, so that is its Last-Modified and its updated; with no report yet,
 * both are when this portal started.
 */
@WebServlet("/feeds/reports.atom")
public class ReportsFeed extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Report> released = reports.released(50);
        String base = settings.baseUrl();
        Instant changedAt = released.stream()
                .flatMap(report -> Stream.of(report.getReleaseAt(), report.getUpdatedAt()))
                .map(OffsetDateTime::toInstant)
                .max(Comparator.naturalOrder())
                .orElse(AtomFeeds.PORTAL_STARTED);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("CTO Forum reports");
        feed.setDescription("Reports, trend reports and briefs published by the association.");
        feed.setLinks(AtomFeeds.links(base + "/reports/", base + "/feeds/reports.atom"));
        feed.setUri(base + "/feeds/reports.atom");
        feed.setPublishedDate(Date.from(changedAt));
        List<SyndEntry> entries = new ArrayList<>();
        for (Report report : released) {
            entries.add(entry(report, base));
        }
        feed.setEntries(entries);
        String atom;
        try {
            atom = new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IOException("The reports feed could not be written", e);
        }
        response.setHeader("Cache-Control", "public, max-age=60");
        if (Validators.of(atom, changedAt).answeredNotModified(request, response)) {
            return;
        }
        response.setContentType("application/atom+xml; charset=UTF-8");
        response.getWriter().write(atom);
    }

    private static SyndEntry entry(Report report, String base) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(report.getTitle());
        entry.setLink(base + "/reports/" + report.getSlug());
        entry.setUri("urn:cto-forum:report:" + report.getId());
        entry.setAuthor("CTO Forum staff");
        entry.setPublishedDate(Date.from(report.getReleaseAt().toInstant()));
        entry.setUpdatedDate(Date.from(report.getReleaseAt().toInstant()));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(report.getSummary());
        entry.setDescription(summary);
        List<com.rometools.rome.feed.synd.SyndCategory> categories = new ArrayList<>();
        categories.add(category(report.getKind().label()));
        if (report.getTheme() != null) {
            categories.add(category(report.getTheme().label()));
        }
        categories.add(category(report.getAccess().label()));
        entry.setCategories(categories);
        return entry;
    }

    private static SyndCategoryImpl category(String name) {
        SyndCategoryImpl category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }
}
