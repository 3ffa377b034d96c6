package org.ctoforum.search.boundary;

import java.time.OffsetDateTime;

/** Where a rebuild stands: items read out of the total, documents written, and how it ended. */
public record RebuildProgress(
        boolean running,
        String reason,
        long done,
        long total,
        long documents,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long millis,
        String error) {

    static RebuildProgress none() {
        return new RebuildProgress(false, null, 0, 0, 0, null, null, null, null);
    }

    static RebuildProgress started(String reason, OffsetDateTime at) {
        return new RebuildProgress(true, reason, 0, 0, 0, at, null, null, null);
    }

    RebuildProgress withTotal(long total) {
        return new RebuildProgress(running, reason, done, total, documents, startedAt, finishedAt, millis, error);
    }

    RebuildProgress advanced(long items, long written) {
        return new RebuildProgress(
                running, reason, done + items, total, documents + written, startedAt, finishedAt, millis, error);
    }

    RebuildProgress finished(OffsetDateTime at, long tookMillis, String failure) {
        return new RebuildProgress(false, reason, done, total, documents, startedAt, at, tookMillis, failure);
    }

    /** 0 to 100; a finished rebuild is at 100 whatever the estimate said. */
    public int percent() {
        if (!running && finishedAt != null && error == null) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(99, done * 100 / total);
    }
}
