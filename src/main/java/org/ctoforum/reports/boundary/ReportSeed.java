package org.ctoforum.reports.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ctoforum.forums.boundary.ForumReferences;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.files.FileStore;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.text.Slugs;
import org.ctoforum.reports.control.PdfComposer;
import org.ctoforum.reports.control.PdfInspector;
import org.ctoforum.reports.control.PdfInspector.PdfFacts;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportKind;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;
import org.ctoforum.reports.entity.Theme;

/**
 * The reports of seeds/reports.json, with real PDFs written by PDFBox from their sections, so downloads, covers and
 * search work on real files. Published ones are backdated and released; a report whose slug exists is left alone.
 */
@Stateless
public class ReportSeed implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    ForumReferences forums;

    @Inject
    FileStore files;

    @Inject
    Clock clock;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed(DemoContext context) {
        for (JsonObject entry :
                context.json("reports.json").getJsonArray("reports").getValuesAs(JsonObject.class)) {
            boolean exists = em.createQuery("select count(r) from Report r where r.slug = :s", Long.class)
                            .setParameter("s", entry.getString("slug"))
                            .getSingleResult()
                    > 0;
            if (!exists) {
                seedReport(entry);
            }
        }
    }

    private void seedReport(JsonObject entry) {
        long author = people.byEmail(entry.getString("author")).orElseThrow().id();
        long publisher = people.byEmail(
                        entry.getString("author").startsWith("staff@") ? "admin@demo.local" : "staff@demo.local")
                .orElseThrow()
                .id();
        OffsetDateTime released = entry.isNull("publishedDaysAgo")
                ? null
                : OffsetDateTime.now(clock).minusDays(entry.getInt("publishedDaysAgo"));
        OffsetDateTime created = released == null ? OffsetDateTime.now(clock).minusDays(3) : released.minusDays(14);
        Report report = new Report(entry.getString("slug"), author, created);
        Set<String> topics = new LinkedHashSet<>();
        entry.getJsonArray("topics").getValuesAs(JsonString.class).forEach(t -> topics.add(t.getString()));
        ReportKind kind = ReportKind.valueOf(entry.getString("kind"));
        report.describe(
                entry.getString("title"),
                entry.getString("summary"),
                kind,
                entry.isNull("theme") ? null : Theme.valueOf(entry.getString("theme")),
                entry.getInt("year"),
                topics,
                entry.isNull("edition") ? null : editionId(entry.getString("edition")),
                Access.valueOf(entry.getString("access")),
                entry.isNull("priceCents") ? null : entry.getInt("priceCents"),
                created);
        em.persist(report);
        em.flush();
        changes.fire(ContentChanged.of(Content.REPORT, report.getId()));
        List<JsonObject> sections = entry.getJsonArray("sections").getValuesAs(JsonObject.class);
        int position = 0;
        for (JsonObject section : sections) {
            ReportSection written = new ReportSection(report.getId(), Slugs.of(section.getString("heading"), 70));
            written.write(
                    position++,
                    section.getString("heading"),
                    section.getString("markdown"),
                    Markdown.toSafeHtml(section.getString("markdown")));
            em.persist(written);
        }
        List<String> notes = entry.getJsonArray("versions").getValuesAs(JsonValue.class).stream()
                .map(v -> ((JsonString) v).getString())
                .toList();
        for (int number = 1; number <= notes.size(); number++) {
            byte[] pdf = PdfComposer.compose(
                    report.getTitle(),
                    kind.label() + " · " + report.getYear()
                            + (report.getTheme() == null
                                    ? ""
                                    : " · " + report.getTheme().label())
                            + " · version " + number,
                    report.getSummary(),
                    sections.stream()
                            .map(s -> new PdfComposer.Section(s.getString("heading"), s.getString("markdown")))
                            .toList());
            String hash = files.keep(pdf);
            PdfFacts facts = PdfInspector.inspect(files.path(hash));
            em.persist(new ReportVersion(
                    report.getId(),
                    number,
                    hash,
                    pdf.length,
                    facts.pageCount(),
                    report.getSlug() + "-v" + number + ".pdf",
                    files.keep(facts.coverPng()),
                    notes.get(number - 1),
                    facts.text(),
                    author,
                    created.plusDays(number - 1L)));
        }
        String status = entry.getString("status");
        if (!status.equals("DRAFT")) {
            report.submitForReview(created);
        }
        if (status.equals("PUBLISHED")) {
            report.publish(publisher, null, true, released);
            report.markAnnounced();
        }
    }

    private Long editionId(String title) {
        return forums.editionIdByTitle(title).orElse(null);
    }
}
