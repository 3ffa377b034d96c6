package org.ctoforum.reports.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ctoforum.reports.entity.Report;

/**
 * A report in a short list, such as the home page's: {@code label} is its theme for a trend report and its kind
 * otherwise; {@code locked} says the reader may see it but not read it; {@code at} is when it was released, or for a
 * report in review when it was last changed.
 */
public record ReportTeaser(
        long id, String slug, String title, String label, int year, OffsetDateTime at, boolean locked, String pageUrl)
        implements Serializable {

    static ReportTeaser of(Report report, OffsetDateTime at, boolean locked) {
        String label = report.getTheme() != null
                ? report.getTheme().label()
                : report.getKind().label();
        return new ReportTeaser(
                report.getId(),
                report.getSlug(),
                report.getTitle(),
                label,
                report.getYear(),
                at,
                locked,
                "/reports/" + report.getSlug());
    }
}
