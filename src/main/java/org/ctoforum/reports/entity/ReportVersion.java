package org.ctoforum.reports.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One file of a report: v1, v2 and so on, with what changed. The file lives in the file store under its SHA-256;
 * {@code fileName} is only what the download is called, never part of a path.
 */
@Entity
@Table(name = "report_version")
public class ReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(nullable = false)
    private int number;

    @Column(name = "file_hash", nullable = false)
    private String fileHash;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(name = "page_count", nullable = false)
    private int pageCount;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "cover_hash")
    private String coverHash;

    @Column(nullable = false)
    private String note;

    /** The extracted text, for search: loaded only when asked for. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private String text;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ReportVersion() {}

    public ReportVersion(
            long reportId,
            int number,
            String fileHash,
            long fileSize,
            int pageCount,
            String fileName,
            String coverHash,
            String note,
            String text,
            long createdBy,
            OffsetDateTime createdAt) {
        this.reportId = reportId;
        this.number = number;
        this.fileHash = fileHash;
        this.fileSize = fileSize;
        this.pageCount = pageCount;
        this.fileName = fileName;
        this.coverHash = coverHash;
        this.note = note;
        this.text = text;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public int getNumber() {
        return number;
    }

    public String getFileHash() {
        return fileHash;
    }

    public long getFileSize() {
        return fileSize;
    }

    public int getPageCount() {
        return pageCount;
    }

    public String getFileName() {
        return fileName;
    }

    public String getCoverHash() {
        return coverHash;
    }

    public String getNote() {
        return note;
    }

    public String getText() {
        return text;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
