package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A member CSV import and its progress, kept in the database so every node and page can follow it. */
@Entity
@Table(name = "member_import")
public class MemberImport {

    public enum Status {
        RUNNING,
        FINISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "started_by", nullable = false)
    private Long startedBy;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.RUNNING;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(name = "imported_rows", nullable = false)
    private int importedRows;

    @Column(name = "failed_rows", nullable = false)
    private int failedRows;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected MemberImport() {}

    public MemberImport(long startedBy, String fileName, int totalRows, OffsetDateTime now) {
        this.startedBy = startedBy;
        this.fileName = fileName;
        this.totalRows = totalRows;
        this.createdAt = now;
    }

    public void rowImported() {
        processedRows++;
        importedRows++;
    }

    public void rowFailed() {
        processedRows++;
        failedRows++;
    }

    public void finish(OffsetDateTime now) {
        status = Status.FINISHED;
        finishedAt = now;
    }

    public int percentDone() {
        return totalRows == 0 ? 100 : processedRows * 100 / totalRows;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public Status getStatus() {
        return status;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getProcessedRows() {
        return processedRows;
    }

    public int getImportedRows() {
        return importedRows;
    }

    public int getFailedRows() {
        return failedRows;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }
}
