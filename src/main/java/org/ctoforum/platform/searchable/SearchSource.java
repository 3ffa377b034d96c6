package org.ctoforum.platform.searchable;

import java.util.List;
import java.util.Set;
import org.ctoforum.platform.changes.ContentChanged.Content;

/**
 * A feature's part of the one search. Each feature that has searchable content implements this once, in its own
 * boundary, with its own store and its own access rule; search finds the implementations as CDI beans and imports no
 * feature. Every method is called inside a transaction search opens, and only reads.
 */
public interface SearchSource {

    /** The changes this source answers for: its own items, and the containers that stand for them. */
    Set<Content> changes();

    /** What one change means for the index: which keys go, and which documents replace them. */
    IndexUpdate update(Content content, long id);

    /** The kinds a rebuild reads from this source, each in batches by id. */
    List<Content> rebuilt();

    /** How many items of a rebuilt kind there are, for the rebuild's progress. */
    long count(Content kind);

    /** Up to {@code size} items of a rebuilt kind with ids above {@code afterId}, in id order. */
    IndexBatch batch(Content kind, long afterId, int size);
}
