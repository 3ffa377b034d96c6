package org.ctoforum.reports.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Role;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;

/**
 * What other features may know of a report's sections, for threads about one: only a section of a published report
 * that the caller may read. A report the caller may not see answers 404, as everywhere in reports.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class SectionReferences {

    /**
     * A section as a thread about it shows it. {@code markdown} is the section's gated text: {@code readableBy} says
     * who may read it, so that it is quoted only where all readers of the quote may read the report.
     */
    public record SectionReference(
            long reportId,
            String reportTitle,
            String reportPage,
            String anchor,
            String heading,
            String markdown,
            Readers readableBy)
            implements Serializable {

        public String url() {
            return reportPage + "#" + anchor;
        }
    }

    /** Who may read a report's text, in the terms a discussion category uses. */
    public enum Readers {
        EVERYONE,
        MEMBERS,
        /** Members, and those who bought a copy: a members-only category admits no one who may not read it. */
        MEMBERS_AND_BUYERS
    }

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    /** The section, if its report is published and the caller may read it; a problem says why not otherwise. */
    public SectionReference readableSection(long reportId, String anchor) {
        Report report = reports.visible(reportId);
        if (report.getStatus() != Report.Status.PUBLISHED || !report.releasedBy(OffsetDateTime.now(clock))) {
            throw ProblemException.conflict("Report " + reportId + " is not open for discussion: only a published"
                    + " report's sections, once it is released, can be discussed.");
        }
        if (!reports.canRead(report)) {
            throw ProblemException.forbidden("Only those who may read the report can discuss its sections.");
        }
        ReportSection section = reports.sections(reportId).stream()
                .filter(s -> s.getAnchor().equals(anchor))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Section '" + anchor + "' of report " + reportId));
        return new SectionReference(
                reportId,
                report.getTitle(),
                ReportView.pageOf(report),
                section.getAnchor(),
                section.getHeading(),
                section.getMarkdown(),
                switch (report.getAccess()) {
                    case PUBLIC -> Readers.EVERYONE;
                    case MEMBERS -> Readers.MEMBERS;
                    case MEMBERS_OR_PURCHASE -> Readers.MEMBERS_AND_BUYERS;
                });
    }

    /** A 404 unless the caller may see the report: a draft's or embargoed report's threads are never asked for. */
    public void requireVisible(long reportId) {
        reports.visible(reportId);
    }
}
