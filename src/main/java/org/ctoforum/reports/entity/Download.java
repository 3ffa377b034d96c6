package org.ctoforum.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One download, written when the transfer ends: who, which version, which bytes, how many reached them. */
@Entity
@Table(name = "report_download")
public class Download {

    public enum Channel {
        /** The report page's download link, with a session. */
        PAGE,
        /** The REST API. */
        API,
        /** A member's signed, expiring link. */
        LINK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "version_id", nullable = false)
    private Long versionId;

    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    /** The bytes asked for, e.g. "0-1023"; null for the whole file. */
    @Column(name = "byte_range")
    private String byteRange;

    @Column(name = "bytes_sent", nullable = false)
    private long bytesSent;

    /** Whether every byte asked for was sent. */
    @Column(nullable = false)
    private boolean completed;

    @Column(nullable = false)
    private String address;

    protected Download() {}

    public Download(
            long reportId,
            long versionId,
            Long accountId,
            Channel channel,
            OffsetDateTime startedAt,
            String byteRange,
            long bytesSent,
            boolean completed,
            String address) {
        this.reportId = reportId;
        this.versionId = versionId;
        this.accountId = accountId;
        this.channel = channel;
        this.startedAt = startedAt;
        this.byteRange = byteRange;
        this.bytesSent = bytesSent;
        this.completed = completed;
        this.address = address;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public Long getVersionId() {
        return versionId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Channel getChannel() {
        return channel;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public String getByteRange() {
        return byteRange;
    }

    public long getBytesSent() {
        return bytesSent;
    }

    public boolean isCompleted() {
        return completed;
    }

    public String getAddress() {
        return address;
    }
}
