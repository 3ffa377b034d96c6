package org.ctoforum.discussions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The report section a thread is about, as last known: reports tell of a new heading or title and of a removed section,
 * and the thread keeps the last heading to say what was removed.
 */
@Embeddable
public class AboutSection {

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "report_title")
    private String reportTitle;

    @Column(name = "report_page")
    private String reportPage;

    @Column(name = "section_anchor")
    private String anchor;

    @Column(name = "section_heading")
    private String heading;

    @Column(name = "section_removed", nullable = false)
    private boolean removed;

    protected AboutSection() {}

    public AboutSection(long reportId, String reportTitle, String reportPage, String anchor, String heading) {
        this.reportId = reportId;
        this.reportTitle = reportTitle;
        this.reportPage = reportPage;
        this.anchor = anchor;
        this.heading = heading;
    }

    /** Follows the report's change: a new title or heading, or the section's removal. Whether anything changed. */
    public boolean follow(String reportTitle, String heading) {
        boolean gone = heading == null;
        boolean changed = !Objects.equals(this.reportTitle, reportTitle)
                || gone != removed
                || (!gone && !Objects.equals(this.heading, heading));
        this.reportTitle = reportTitle;
        this.removed = gone;
        if (!gone) {
            this.heading = heading;
        }
        return changed;
    }

    /** The section's place on the report's page. */
    public String url() {
        return reportPage + "#" + anchor;
    }

    public Long getReportId() {
        return reportId;
    }

    public String getReportTitle() {
        return reportTitle;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getHeading() {
        return heading;
    }

    public boolean isRemoved() {
        return removed;
    }
}
