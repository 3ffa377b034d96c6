package org.ctoforum.platform.searchable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One batch of a rebuild: the documents, the last id read, and how many rows were read. */
public record IndexBatch(List<SearchDocument> documents, long lastId, int rows) {

    /** The documents of each row, in order; a row may give none (a hidden thread) or several (a report's sections). */
    public static <T> IndexBatch of(List<T> rows, Function<T, Long> id, Function<T, List<SearchDocument>> documents) {
        List<SearchDocument> all = new ArrayList<>();
        long last = 0;
        for (T row : rows) {
            all.addAll(documents.apply(row));
            last = id.apply(row);
        }
        return new IndexBatch(all, last, rows.size());
    }

    public static IndexBatch none(long afterId) {
        return new IndexBatch(List.of(), afterId, 0);
    }
}
