package org.ctoforum.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.searchable.SearchSource;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;

/**
 * Reports in search. A report's title and summary are public once released, while its PDF text is for members and
 * grantees; each section of a report written on the portal is its own document, found only by the report's readers.
 * Published reports go in before their release: the search filters on the release moment.
 */
@ApplicationScoped
public class ReportSearchSource implements SearchSource {

    static final String REPORT = "report";
    static final String SECTION = "section";

    private static final Set<Report.Status> RELEASED = EnumSet.of(Report.Status.PUBLISHED, Report.Status.ARCHIVED);

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Content> changes() {
        return Set.of(Content.REPORT);
    }

    @Override
    public List<Content> rebuilt() {
        return List.of(Content.REPORT);
    }

    @Override
    public IndexUpdate update(Content content, long id) {
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(REPORT, id), true);
        Report report = em.find(Report.class, id);
        if (report != null && RELEASED.contains(report.getStatus())) {
            update.put().addAll(documents(report));
        }
        return update;
    }

    @Override
    public long count(Content kind) {
        return em.createQuery("select count(r) from Report r where r.status in :released", Long.class)
                .setParameter("released", RELEASED)
                .getSingleResult();
    }

    @Override
    public IndexBatch batch(Content kind, long afterId, int size) {
        return IndexBatch.of(
                em.createQuery(
                                "select r from Report r where r.id > :after and r.status in :released order by r.id",
                                Report.class)
                        .setParameter("after", afterId)
                        .setParameter("released", RELEASED)
                        .setMaxResults(size)
                        .getResultList(),
                Report::getId,
                this::documents);
    }

    private List<SearchDocument> documents(Report report) {
        long id = report.getId();
        List<ReportVersion> latest = em.createQuery(
                        "select v from ReportVersion v where v.reportId = :r order by v.number desc",
                        ReportVersion.class)
                .setParameter("r", id)
                .setMaxResults(1)
                .getResultList();
        List<Long> grantees = em.createQuery(
                        "select g.accountId from ReportGrant g where g.reportId = :r and g.revokedAt is null",
                        Long.class)
                .setParameter("r", id)
                .getResultList();
        List<ReportSection> sections = em.createQuery(
                        "select s from ReportSection s where s.reportId = :r order by s.position", ReportSection.class)
                .setParameter("r", id)
                .getResultList();
        String text = latest.isEmpty() ? "" : latest.get(0).getText();
        return documents(report, text, grantees, sections);
    }

    private static List<SearchDocument> documents(
            Report report, String pdfText, List<Long> grantees, List<ReportSection> sections) {
        boolean gated = report.getAccess() != Access.PUBLIC;
        Set<String> readers = new LinkedHashSet<>();
        if (gated) {
            readers.add(ReaderKeys.MEMBERS);
            grantees.forEach(grantee -> readers.add(ReaderKeys.account(grantee)));
        } else {
            readers.add(ReaderKeys.EVERYONE);
        }
        String access = gated ? "members" : "public";
        String theme = report.getTheme() == null ? null : report.getTheme().label();
        LocalDate date =
                report.getReleaseAt() == null ? null : report.getReleaseAt().toLocalDate();
        String url = "/reports/" + report.getSlug();
        List<SearchDocument> documents = new ArrayList<>();
        documents.add(SearchDocument.of(REPORT, report.getId())
                .title(report.getTitle())
                .summary(report.getSummary())
                .body(pdfText)
                .url(url)
                .date(date)
                .access(access, gated, Set.of(ReaderKeys.EVERYONE), readers)
                .theme(theme)
                .year(report.getYear())
                .topics(report.getTopics())
                .releaseAt(report.getReleaseAt())
                .build());
        for (ReportSection section : sections) {
            // A section is the report's text: only its readers find it, and it never shows locked.
            documents.add(SearchDocument.of(SECTION, section.getId())
                    .parent(SearchDocument.key(REPORT, report.getId()))
                    .title(report.getTitle() + " — " + section.getHeading())
                    .body(Markdown.toPlainText(section.getMarkdown()))
                    .url(url + "#" + section.getAnchor())
                    .date(date)
                    .access(access, false, readers, readers)
                    .theme(theme)
                    .year(report.getYear())
                    .topics(report.getTopics())
                    .releaseAt(report.getReleaseAt())
                    .build());
        }
        return documents;
    }
}
