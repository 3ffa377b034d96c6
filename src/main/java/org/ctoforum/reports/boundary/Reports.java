package org.ctoforum.reports.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.forums.boundary.ForumReferences;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.files.FileStore;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.sections.ReportSectionsChanged;
import org.ctoforum.platform.sections.SectionDiscussionCounts;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.text.Slugs;
import org.ctoforum.reports.control.PdfInspector.PdfFacts;
import org.ctoforum.reports.control.ReportRules;
import org.ctoforum.reports.control.ReportRules.Reader;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportKind;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;
import org.ctoforum.reports.entity.Theme;
import org.ctoforum.reports.entity.WorkflowException;

/**
 * Reports for readers and staff. Everything a non-staff caller asks for goes through {@link #visible}, so a draft or
 * an embargoed report answers 404 on every path, exactly like one that does not exist.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Reports {

    private static final Logger LOG = Logger.getLogger(Reports.class.getName());
    private static final Set<Report.Status> RELEASED = EnumSet.of(Report.Status.PUBLISHED, Report.Status.ARCHIVED);

    public record ReportForm(
            String title,
            String summary,
            String kind,
            String theme,
            Integer year,
            String access,
            Integer priceCents,
            List<String> topics,
            Long editionId) {}

    public record SectionForm(String anchor, String heading, String markdown) {}

    /** A PDF received and inspected, waiting to be kept with a version. */
    public record ReceivedPdf(FileStore.Upload upload, PdfFacts facts) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Event<ReportSectionsChanged> sectionChanges;

    @Inject
    SectionDiscussionCounts discussions;

    @Inject
    Caller caller;

    @Inject
    ForumReferences forums;

    @Inject
    Clock clock;

    @Inject
    FileStore files;

    /** The caller as the report rules see them. */
    public Reader reader() {
        return new Reader(
                caller.accountId().orElse(null), caller.is(Role.MEMBER), caller.is(Role.PRESS), caller.staff());
    }

    /** The reports the caller may see, newest year first; staff may also filter by status. */
    public List<ReportView> list(String theme, String kind, Integer year, String status) {
        Reader reader = reader();
        OffsetDateTime now = now();
        StringBuilder jpql = new StringBuilder("select r from Report r where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (theme != null && !theme.isBlank()) {
            jpql.append(" and r.theme = :theme");
            parameters.put("theme", Fields.oneOf(Theme.class, theme, null, "theme"));
        }
        if (kind != null && !kind.isBlank()) {
            jpql.append(" and r.kind = :kind");
            parameters.put("kind", Fields.oneOf(ReportKind.class, kind, null, "kind"));
        }
        if (year != null) {
            jpql.append(" and r.year = :year");
            parameters.put("year", year);
        }
        if (!reader.staff()) {
            jpql.append(" and r.status in :released and r.releaseAt <= :now");
            parameters.put("released", RELEASED);
            parameters.put("now", now);
        } else if (status != null && !status.isBlank()) {
            jpql.append(" and r.status = :status");
            parameters.put("status", Fields.oneOf(Report.Status.class, status, null, "status"));
        }
        jpql.append(" order by r.year desc, r.releaseAt desc, r.title");
        TypedQuery<Report> query = em.createQuery(jpql.toString(), Report.class);
        parameters.forEach(query::setParameter);
        List<Report> reports = query.getResultList();
        if (reports.isEmpty()) {
            return List.of();
        }
        List<Long> ids = reports.stream().map(Report::getId).toList();
        Map<Long, ReportVersion> latest = new HashMap<>();
        em.createQuery(
                        "select v from ReportVersion v where v.reportId in :ids and v.number = (select max(w.number)"
                                + " from ReportVersion w where w.reportId = v.reportId)",
                        ReportVersion.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(v -> latest.put(v.getReportId(), v));
        Set<Long> granted = grantedAmong(ids, reader);
        return reports.stream()
                .map(r -> {
                    boolean canRead = ReportRules.canRead(r, reader, granted.contains(r.getId()));
                    return ReportView.of(
                            r, latest.get(r.getId()), canRead, ReportRules.waysIn(r, reader), now, null, null);
                })
                .toList();
    }

    /** Published reports whose moment has come, newest first: what the public feed may carry. */
    public List<Report> released(int max) {
        return em.createQuery(
                        "select r from Report r where r.status = :published and r.releaseAt <= :now"
                                + " order by r.releaseAt desc",
                        Report.class)
                .setParameter("published", Report.Status.PUBLISHED)
                .setParameter("now", now())
                .setMaxResults(max)
                .getResultList();
    }

    /** The latest released reports, newest first, each marked locked when the caller may not read it. */
    public List<ReportTeaser> latest(int max) {
        Reader reader = reader();
        List<Report> reports = released(max);
        Set<Long> granted = reports.isEmpty()
                ? Set.of()
                : grantedAmong(reports.stream().map(Report::getId).toList(), reader);
        return reports.stream()
                .map(r -> ReportTeaser.of(
                        r, r.getReleaseAt(), !ReportRules.canRead(r, reader, granted.contains(r.getId()))))
                .toList();
    }

    /**
     * Reports in review that someone else wrote, longest waiting first: those the calling staff member may publish,
     * since nobody publishes their own.
     */
    public List<ReportTeaser> inReviewByOthers(int max) {
        long staffId = caller.require(Role.STAFF, "see the reports in review");
        return em.createQuery(
                        "select r from Report r where r.status = :review and r.authorId <> :me order by r.updatedAt",
                        Report.class)
                .setParameter("review", Report.Status.IN_REVIEW)
                .setParameter("me", staffId)
                .setMaxResults(max)
                .getResultStream()
                .map(r -> ReportTeaser.of(r, r.getUpdatedAt(), false))
                .toList();
    }

    public ReportView view(long id) {
        return detail(visible(id));
    }

    public ReportView viewBySlug(String slug) {
        return detail(visibleBySlug(slug));
    }

    /** The report, if the caller may see it; 404 otherwise, so a draft's existence is never confirmed. */
    public Report visible(long id) {
        Report report = em.find(Report.class, id);
        if (report == null || !ReportRules.canSee(report, reader(), now())) {
            throw ProblemException.notFound("Report " + id);
        }
        return report;
    }

    public Report visibleBySlug(String slug) {
        return em.createQuery("select r from Report r where r.slug = :slug", Report.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .filter(r -> ReportRules.canSee(r, reader(), now()))
                .orElseThrow(() -> ProblemException.notFound("This report"));
    }

    public boolean granted(long reportId, Long accountId) {
        return accountId != null
                && em.createQuery(
                                        "select count(g) from ReportGrant g where g.reportId = :r and g.accountId = :a"
                                                + " and g.revokedAt is null",
                                        Long.class)
                                .setParameter("r", reportId)
                                .setParameter("a", accountId)
                                .getSingleResult()
                        > 0;
    }

    public boolean canRead(Report report) {
        Reader reader = reader();
        return ReportRules.canRead(report, reader, granted(report.getId(), reader.accountId()));
    }

    public List<ReportVersion> versions(long reportId) {
        return em.createQuery(
                        "select v from ReportVersion v where v.reportId = :r order by v.number desc",
                        ReportVersion.class)
                .setParameter("r", reportId)
                .getResultList();
    }

    public List<ReportSection> sections(long reportId) {
        return em.createQuery(
                        "select s from ReportSection s where s.reportId = :r order by s.position", ReportSection.class)
                .setParameter("r", reportId)
                .getResultList();
    }

    /** Staff create a draft, optionally with its first PDF. */
    public ReportView create(ReportForm form, ReceivedPdf pdf) {
        long staffId = caller.require(Role.STAFF, "create reports");
        OffsetDateTime now = now();
        Report report = new Report(uniqueSlug(Fields.required(form.title(), "title", 200)), staffId, now);
        describe(report, form, now);
        em.persist(report);
        em.flush();
        if (pdf != null) {
            keepVersion(report, pdf, "First version.", staffId, now);
        }
        changes.fire(ContentChanged.of(Content.REPORT, report.getId()));
        LOG.info(() ->
                "Report " + report.getId() + " '" + report.getSlug() + "' created as a draft by account " + staffId);
        return detail(report);
    }

    public ReportView update(long id, ReportForm form) {
        caller.require(Role.STAFF, "edit reports");
        Report report = existing(id);
        describe(report, form, now());
        changes.fire(ContentChanged.of(Content.REPORT, id));
        sectionsChanged(report, sections(id));
        return detail(report);
    }

    /** A new file for the report: readers get it at once, and the older versions stay for staff. */
    public ReportView.VersionView addVersion(long id, ReceivedPdf pdf, String note) {
        long staffId = caller.require(Role.STAFF, "upload report versions");
        Report report = existing(id);
        String what = Fields.required(note, "note (what changed)", 1000);
        ReportVersion version = keepVersion(report, pdf, what, staffId, now());
        report.touch(now());
        changes.fire(ContentChanged.of(Content.REPORT, id));
        LOG.info(() -> "Report " + id + " has version " + version.getNumber() + " (" + version.getFileSize()
                + " bytes, " + version.getPageCount() + " pages) from account " + staffId);
        return ReportView.VersionView.of(report, version, true);
    }

    /** One workflow step, e.g. {to: PUBLISHED, at: 2026-12-01T09:00:00-05:00}. */
    public ReportView transition(long id, String to, String at) {
        long staffId = caller.require(Role.STAFF, "move reports through the workflow");
        Report report = existing(id);
        Report.Status target = Fields.oneOf(Report.Status.class, Fields.required(to, "to", 20), null, "to");
        OffsetDateTime moment = moment(at);
        Report.Status from = report.getStatus();
        try {
            report.moveTo(target, staffId, moment, hasContent(id), now());
        } catch (WorkflowException refused) {
            throw switch (refused.reason()) {
                case OWN_REPORT -> ProblemException.forbidden(refused.getMessage());
                case IN_THE_PAST -> ProblemException.badRequest(refused.getMessage());
                case NOT_ALLOWED, EMPTY -> new ProblemException(
                        ProblemType.WORKFLOW_STEP_NOT_ALLOWED,
                        refused.getMessage(),
                        Map.of("status", from.name(), "to", target.name()));
            };
        }
        changes.fire(ContentChanged.of(Content.REPORT, id));
        LOG.info(() -> "Report " + id + " moved " + from + " -> " + report.getStatus() + " by account " + staffId
                + (report.getReleaseAt() != null && report.embargoedAt(now())
                        ? ", embargoed until " + report.getReleaseAt()
                        : ""));
        return detail(report);
    }

    /** Replaces the sections; a section that names an existing anchor keeps it, a new one gets one from its heading. */
    public List<ReportView.SectionView> writeSections(long id, List<SectionForm> forms) {
        caller.require(Role.STAFF, "write report sections");
        Report report = existing(id);
        if (forms == null || forms.size() > 50) {
            throw ProblemException.badRequest("Send a list of at most 50 sections.");
        }
        Map<String, ReportSection> existing = new HashMap<>();
        sections(id).forEach(s -> existing.put(s.getAnchor(), s));
        Set<String> kept = new HashSet<>();
        List<ReportSection> result = new ArrayList<>();
        int position = 0;
        for (SectionForm form : forms) {
            String heading = Fields.required(form.heading(), "heading", 200);
            String markdown = Fields.required(form.markdown(), "markdown", 100_000);
            ReportSection section = form.anchor() != null ? existing.get(form.anchor()) : null;
            if (section == null || kept.contains(section.getAnchor())) {
                section = new ReportSection(id, freeAnchor(heading, existing.keySet(), kept));
                em.persist(section);
            }
            kept.add(section.getAnchor());
            section.write(position++, heading, markdown, Markdown.toSafeHtml(markdown));
            result.add(section);
        }
        existing.values().stream().filter(s -> !kept.contains(s.getAnchor())).forEach(em::remove);
        report.touch(now());
        changes.fire(ContentChanged.of(Content.REPORT, id));
        sectionsChanged(report, result);
        return sectionViews(id, result);
    }

    /** Threads about the sections keep their headings and the report's title: they learn of changes from here. */
    private void sectionsChanged(Report report, List<ReportSection> sections) {
        Map<String, String> headings = new HashMap<>();
        sections.forEach(s -> headings.put(s.getAnchor(), s.getHeading()));
        sectionChanges.fire(new ReportSectionsChanged(report.getId(), report.getTitle(), headings));
    }

    public ReportVersion latest(long reportId) {
        return versions(reportId).stream().findFirst().orElse(null);
    }

    public Report existing(long id) {
        Report report = em.find(Report.class, id);
        if (report == null) {
            throw ProblemException.notFound("Report " + id);
        }
        return report;
    }

    private ReportView detail(Report report) {
        Reader reader = reader();
        OffsetDateTime now = now();
        boolean canRead = ReportRules.canRead(report, reader, granted(report.getId(), reader.accountId()));
        List<ReportVersion> versions = versions(report.getId());
        ReportVersion latest = versions.isEmpty() ? null : versions.get(0);
        return ReportView.of(
                report,
                latest,
                canRead,
                ReportRules.waysIn(report, reader),
                now,
                versions.stream()
                        .map(v -> ReportView.VersionView.of(report, v, reader.staff() || (canRead && v == latest)))
                        .toList(),
                canRead ? sectionViews(report.getId(), sections(report.getId())) : List.of());
    }

    /** The sections with the number of their discussions the caller may read, all counted in one query. */
    private List<ReportView.SectionView> sectionViews(long reportId, List<ReportSection> sections) {
        if (sections.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = discussions.byAnchor(reportId);
        return sections.stream()
                .map(s -> ReportView.SectionView.of(s, counts.getOrDefault(s.getAnchor(), 0L)))
                .toList();
    }

    private void describe(Report report, ReportForm form, OffsetDateTime now) {
        ReportKind kind = Fields.oneOf(ReportKind.class, Fields.required(form.kind(), "kind", 30), null, "kind");
        Access access = Fields.oneOf(Access.class, Fields.required(form.access(), "access", 30), null, "access");
        if (form.year() == null || form.year() < 1990 || form.year() > 2100) {
            throw ProblemException.badRequest("year is required, from 1990 to 2100.");
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : form.topics() == null ? List.<String>of() : form.topics()) {
            topics.add(Fields.required(topic, "topic", 80).strip());
        }
        if (topics.size() > 10) {
            throw ProblemException.badRequest("A report has at most 10 topics.");
        }
        if (form.editionId() != null && !forums.editionExists(form.editionId())) {
            throw ProblemException.badRequest("editionId " + form.editionId() + " is not a forum edition.");
        }
        try {
            report.describe(
                    Fields.required(form.title(), "title", 200).strip(),
                    Fields.required(form.summary(), "summary", 2000).strip(),
                    kind,
                    Fields.oneOf(Theme.class, form.theme(), null, "theme"),
                    form.year(),
                    topics,
                    form.editionId(),
                    access,
                    form.priceCents(),
                    now);
        } catch (IllegalArgumentException wrong) {
            throw ProblemException.badRequest(wrong.getMessage());
        }
    }

    private ReportVersion keepVersion(Report report, ReceivedPdf pdf, String note, long staffId, OffsetDateTime now) {
        String hash = files.keep(pdf.upload());
        String cover = files.keep(pdf.facts().coverPng());
        int number = versions(report.getId()).stream()
                        .mapToInt(ReportVersion::getNumber)
                        .max()
                        .orElse(0)
                + 1;
        ReportVersion version = new ReportVersion(
                report.getId(),
                number,
                hash,
                pdf.upload().size(),
                pdf.facts().pageCount(),
                report.getSlug() + "-v" + number + ".pdf",
                cover,
                note,
                pdf.facts().text(),
                staffId,
                now);
        em.persist(version);
        return version;
    }

    private boolean hasContent(long reportId) {
        return em.createQuery("select count(v) from ReportVersion v where v.reportId = :r", Long.class)
                                .setParameter("r", reportId)
                                .getSingleResult()
                        + em.createQuery("select count(s) from ReportSection s where s.reportId = :r", Long.class)
                                .setParameter("r", reportId)
                                .getSingleResult()
                > 0;
    }

    private Set<Long> grantedAmong(List<Long> reportIds, Reader reader) {
        if (reader.accountId() == null) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select g.reportId from ReportGrant g where g.accountId = :a and g.reportId in :ids"
                                + " and g.revokedAt is null",
                        Long.class)
                .setParameter("a", reader.accountId())
                .setParameter("ids", reportIds)
                .getResultList());
    }

    private String uniqueSlug(String title) {
        String base = Slugs.of(title, 100);
        String candidate = base;
        for (int n = 2; slugTaken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private boolean slugTaken(String slug) {
        return em.createQuery("select count(r) from Report r where r.slug = :s", Long.class)
                        .setParameter("s", slug)
                        .getSingleResult()
                > 0;
    }

    private static String freeAnchor(String heading, Set<String> existing, Set<String> kept) {
        String base = Slugs.of(heading, 70);
        String candidate = base;
        for (int n = 2; existing.contains(candidate) || kept.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static OffsetDateTime moment(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "at must be a date and time with its offset, e.g. 2026-12-01T09:00:00-05:00.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
