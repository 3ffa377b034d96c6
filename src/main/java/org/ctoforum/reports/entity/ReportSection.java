package org.ctoforum.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A section of a report written on the portal, in Markdown. Its anchor is fixed when the section is made and
 * survives edits of the heading, so links into the section keep working.
 */
@Entity
@Table(name = "report_section")
public class ReportSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String anchor;

    @Column(nullable = false)
    private String heading;

    @Column(nullable = false)
    private String markdown;

    @Column(nullable = false)
    private String html;

    protected ReportSection() {}

    public ReportSection(long reportId, String anchor) {
        this.reportId = reportId;
        this.anchor = anchor;
    }

    public void write(int position, String heading, String markdown, String html) {
        this.position = position;
        this.heading = heading;
        this.markdown = markdown;
        this.html = html;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public int getPosition() {
        return position;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getHeading() {
        return heading;
    }

    public String getMarkdown() {
        return markdown;
    }

    public String getHtml() {
        return html;
    }
}
