package org.ctoforum.reports.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import org.ctoforum.reports.control.ReportRules;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.reports.entity.ReportVersion;

/**
 * A report as a reader may see it. {@code downloadUrl} is the API's file address, for clients; {@code pageUrl} the
 * browser's, for pages. Lists carry no versions or sections; the detail carries the version history for
 * everyone and the sections only for those who may read the report, since sections are its gated text.
 */
public record ReportView(
        long id,
        String slug,
        String title,
        String summary,
        String kind,
        String theme,
        int year,
        List<String> topics,
        Long editionId,
        String access,
        Integer priceCents,
        String status,
        OffsetDateTime releaseAt,
        boolean embargoed,
        Integer version,
        Integer pages,
        Long fileSize,
        boolean canDownload,
        List<String> waysIn,
        String url,
        String downloadUrl,
        String pageUrl,
        String coverUrl,
        List<VersionView> versions,
        List<SectionView> sections)
        implements Serializable {

    public record VersionView(
            int number,
            String note,
            int pages,
            long fileSize,
            OffsetDateTime createdAt,
            String downloadUrl,
            String pageUrl)
            implements Serializable {
        static VersionView of(Report report, ReportVersion version, boolean downloadable) {
            String query = "?version=" + version.getNumber();
            return new VersionView(
                    version.getNumber(),
                    version.getNote(),
                    version.getPageCount(),
                    version.getFileSize(),
                    version.getCreatedAt(),
                    downloadable ? fileUrl(report) + query : null,
                    downloadable ? webDownloadUrl(report) + query : null);
        }
    }

    /** {@code discussions} counts the threads about the section that the caller may read. */
    public record SectionView(String anchor, String heading, String markdown, String html, long discussions)
            implements Serializable {
        static SectionView of(ReportSection section, long discussions) {
            return new SectionView(
                    section.getAnchor(), section.getHeading(), section.getMarkdown(), section.getHtml(), discussions);
        }
    }

    static ReportView of(
            Report report,
            ReportVersion latest,
            boolean canDownload,
            List<ReportRules.Way> ways,
            OffsetDateTime now,
            List<VersionView> versions,
            List<SectionView> sections) {
        String page = pageOf(report);
        return new ReportView(
                report.getId(),
                report.getSlug(),
                report.getTitle(),
                report.getSummary(),
                report.getKind().name(),
                report.getTheme() == null ? null : report.getTheme().name(),
                report.getYear(),
                List.copyOf(report.getTopics()),
                report.getEditionId(),
                report.getAccess().name(),
                report.getPriceCents(),
                report.getStatus().name(),
                report.getReleaseAt(),
                report.embargoedAt(now),
                latest == null ? null : latest.getNumber(),
                latest == null ? null : latest.getPageCount(),
                latest == null ? null : latest.getFileSize(),
                canDownload && latest != null,
                canDownload ? List.of() : ways.stream().map(Enum::name).toList(),
                page,
                latest == null ? null : fileUrl(report),
                latest == null ? null : webDownloadUrl(report),
                latest == null || latest.getCoverHash() == null ? null : page + "/cover.png",
                versions,
                sections);
    }

    /** The report's page, where its sections are anchors. */
    static String pageOf(Report report) {
        return "/reports/" + report.getSlug();
    }

    /** The API's address of the file: it takes HTTP Basic and tokens, and answers a problem, not a sign-in page. */
    private static String fileUrl(Report report) {
        return "/api/reports/" + report.getId() + "/file";
    }

    /** The browser's address of the file: it takes the session, and sends the signed-out to the sign-in page. */
    private static String webDownloadUrl(Report report) {
        return "/reports/" + report.getSlug() + "/download";
    }
}
