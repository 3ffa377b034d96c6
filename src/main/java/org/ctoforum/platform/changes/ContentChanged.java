package org.ctoforum.platform.changes;

/**
 * Fired inside the transaction that created, changed or removed searchable content. Search writes it to its change
 * log in that same transaction, and indexes it once the transaction has committed.
 */
public record ContentChanged(Content content, long id) {

    /** What changed. A container (edition, category) stands for everything in it. */
    public enum Content {
        REPORT,
        LIBRARY_ENTRY,
        SESSION,
        EDITION,
        CATEGORY,
        THREAD,
        POST,
        SYNONYMS,
        /** A survey's headline finding; a survey stands for all of its findings. */
        SURVEY,
        /** An account whose display name changed: what they wrote shows it, except in Chatham House threads. */
        AUTHOR
    }

    public static ContentChanged of(Content content, long id) {
        return new ContentChanged(content, id);
    }
}
