package org.ctoforum.reports.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.ctoforum.reports.control.ReportRules;
import org.ctoforum.reports.control.ReportRules.Reader;
import org.junit.jupiter.api.Test;

/** The workflow and scheduled release, on a clock the test moves. */
class ReportWorkflowTest {

    private static final long AUTHOR = 1;
    private static final long REVIEWER = 2;
    private static final Reader MEMBER = new Reader(7L, true, false, false);

    private Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Report inReview() {
        Report report = new Report("hurdles-2027", AUTHOR, now());
        report.describe(
                "Hurdles 2027",
                "s",
                ReportKind.TREND_REPORT,
                Theme.HURDLES,
                2027,
                Set.of(),
                null,
                Access.MEMBERS,
                null,
                now());
        report.moveTo(Report.Status.IN_REVIEW, AUTHOR, null, true, now());
        return report;
    }

    @Test
    void aScheduledReportIsInvisibleUntilItsMomentAndVisibleFromIt() {
        Report report = inReview();
        OffsetDateTime at = now().plusHours(2);
        report.moveTo(Report.Status.PUBLISHED, REVIEWER, at, true, now());
        assertEquals(Report.Status.PUBLISHED, report.getStatus());
        assertTrue(report.embargoedAt(now()));
        assertFalse(ReportRules.canSee(report, MEMBER, now()));
        assertTrue(ReportRules.canSee(report, new Reader(3L, false, false, true), now()), "staff see it");

        clock = Clock.offset(clock, Duration.ofHours(2).minusMillis(1));
        assertFalse(ReportRules.canSee(report, MEMBER, now()), "a millisecond before");
        clock = Clock.offset(clock, Duration.ofMillis(1));
        assertTrue(ReportRules.canSee(report, MEMBER, now()), "at the moment");
        assertFalse(report.embargoedAt(now()));
    }

    @Test
    void theAuthorCannotPublishAndNeitherCanAPastMomentOrAnEmptyReport() {
        Report report = inReview();
        assertEquals(
                WorkflowException.Reason.OWN_REPORT,
                assertThrows(
                                WorkflowException.class,
                                () -> report.moveTo(Report.Status.PUBLISHED, AUTHOR, null, true, now()))
                        .reason());
        assertEquals(
                WorkflowException.Reason.IN_THE_PAST,
                assertThrows(
                                WorkflowException.class,
                                () -> report.moveTo(
                                        Report.Status.PUBLISHED, REVIEWER, now().minusMinutes(1), true, now()))
                        .reason());
        assertEquals(
                WorkflowException.Reason.EMPTY,
                assertThrows(
                                WorkflowException.class,
                                () -> report.moveTo(Report.Status.PUBLISHED, REVIEWER, null, false, now()))
                        .reason());
        assertEquals(Report.Status.IN_REVIEW, report.getStatus());
    }

    @Test
    void onlyTheWorkflowsStepsAreAllowed() {
        Report report = new Report("brief", AUTHOR, now());
        assertThrows(
                WorkflowException.class, () -> report.moveTo(Report.Status.PUBLISHED, REVIEWER, null, true, now()));
        assertThrows(WorkflowException.class, () -> report.moveTo(Report.Status.ARCHIVED, REVIEWER, null, true, now()));
        report.moveTo(Report.Status.IN_REVIEW, AUTHOR, null, true, now());
        report.moveTo(Report.Status.DRAFT, REVIEWER, null, true, now());
        report.moveTo(Report.Status.IN_REVIEW, AUTHOR, null, true, now());
        report.moveTo(Report.Status.PUBLISHED, REVIEWER, now().plusDays(1), true, now());
        assertThrows(
                WorkflowException.class,
                () -> report.moveTo(Report.Status.ARCHIVED, REVIEWER, null, true, now()),
                "an embargoed report is withdrawn, not archived");
        report.moveTo(Report.Status.IN_REVIEW, REVIEWER, null, true, now());
        assertEquals(null, report.getReleaseAt(), "withdrawing lifts the schedule");
        report.moveTo(Report.Status.PUBLISHED, REVIEWER, null, true, now());
        assertThrows(
                WorkflowException.class, () -> report.moveTo(Report.Status.IN_REVIEW, REVIEWER, null, true, now()));
        report.moveTo(Report.Status.ARCHIVED, REVIEWER, null, true, now());
        assertTrue(report.releasedBy(now()), "archived reports stay readable");
        report.moveTo(Report.Status.PUBLISHED, REVIEWER, null, true, now());
        assertEquals(Report.Status.PUBLISHED, report.getStatus());
    }

    @Test
    void accessFollowsTheLevelTheMembershipAndGrants() {
        Report report = inReview();
        Reader reader = new Reader(9L, false, false, false);
        assertFalse(ReportRules.canRead(report, reader, false));
        assertTrue(ReportRules.canRead(report, reader, true), "a grant opens any level");
        assertFalse(ReportRules.canRead(report, ReportRules.Reader.anonymous(), true));
        assertTrue(ReportRules.canRead(report, MEMBER, false));
        report.describe("t", "s", ReportKind.BRIEF, null, 2026, Set.of(), null, Access.PUBLIC, null, now());
        assertTrue(ReportRules.canRead(report, ReportRules.Reader.anonymous(), false));
        assertThrows(
                IllegalArgumentException.class,
                () -> report.describe(
                        "t",
                        "s",
                        ReportKind.BRIEF,
                        null,
                        2026,
                        Set.of(),
                        null,
                        Access.MEMBERS_OR_PURCHASE,
                        null,
                        now()),
                "a sale needs a price");
        assertThrows(
                IllegalArgumentException.class,
                () -> report.describe(
                        "t", "s", ReportKind.BRIEF, Theme.HURDLES, 2026, Set.of(), null, Access.PUBLIC, null, now()),
                "only trend reports have a theme");
    }
}
