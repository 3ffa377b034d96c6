package org.ctoforum.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search split over threads finds, ranks and counts exactly what the calling thread alone does, and a rebuilt
 * index merged for searching finds and counts what its many segments did.
 */
class SearcherSlicesTest {

    private static final int SEGMENTS = 8;
    private static final int PER_SEGMENT = 60;

    @TempDir
    Path root;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Analyzer analyzer = SearchAnalysis.forQueries(List.of());
    private SearchIndexStore store;

    @BeforeEach
    void index() throws IOException {
        store = new SearchIndexStore(root, null);
        store.open();
        SearchIndex index = store.current();
        int id = 0;
        for (int segment = 0; segment < SEGMENTS; segment++) {
            for (int i = 0; i < PER_SEGMENT; i++, id++) {
                index.put(SearchDocument.of(id % 4 == 0 ? "thread" : "post", id)
                        .title("Budget talk " + id)
                        .body((id % 3 == 0 ? "Devices and budgets, " : "Budgets alone, ") + "reply number " + id)
                        .url("/discussions/thread.xhtml?id=" + id)
                        .date(LocalDate.of(2020 + id % 5, 1 + id % 12, 1))
                        .access("public", false, Set.of(ReaderKeys.EVERYONE), Set.of(ReaderKeys.EVERYONE))
                        .year(2020 + id % 5)
                        .topics(List.of("Topic " + id % 3))
                        .build());
            }
            // A commit per batch leaves a segment per batch.
            index.commit(SearchIndex.Cursor.START);
        }
        index.refreshNow();
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        threads.shutdown();
    }

    @Test
    void slicesAndParallelFacetCountsChangeNothing() throws IOException {
        SearchIndex.Searcher alone = store.current().acquire();
        try {
            SearchIndex.Searcher split = new SearchIndex.Searcher(alone.getIndexReader(), threads, PER_SEGMENT * 2, 1);
            assertTrue(split.getSlices().length > 1, split.getSlices().length + " slice(s)");
            for (String text : List.of("budget", "devices", "budget NOT devices", "reply~", "*")) {
                for (Map<String, List<String>> filters :
                        List.of(Map.<String, List<String>>of(), Map.of("year", List.of("2021", "2023")))) {
                    AccessAwareSearch.Result expected = search(alone, text, filters);
                    AccessAwareSearch.Result actual = search(split, text, filters);
                    String what = text + " " + filters;
                    assertTrue(expected.total() > 0, what);
                    assertEquals(expected.total(), actual.total(), what);
                    assertEquals(expected.facets(), actual.facets(), what);
                    assertEquals(
                            expected.hits().stream()
                                    .map(AccessAwareSearch.Hit::id)
                                    .toList(),
                            actual.hits().stream()
                                    .map(AccessAwareSearch.Hit::id)
                                    .toList(),
                            what);
                }
            }
        } finally {
            store.current().release(alone);
        }
    }

    @Test
    void aMergedIndexHasASegmentASliceUpToOneAThreadAndFindsTheSame() throws IOException {
        List<String> queries = List.of("budget", "devices", "budget NOT devices", "reply~", "*");
        Map<String, List<String>> filters = Map.of("year", List.of("2021", "2023"));
        List<AccessAwareSearch.Result> before = new ArrayList<>();
        SearchIndex index = store.current();
        SearchIndex.Searcher searcher = index.acquire();
        try {
            assertEquals(SEGMENTS, searcher.getIndexReader().leaves().size());
            for (String text : queries) {
                before.add(search(searcher, text, filters));
            }
        } finally {
            index.release(searcher);
        }

        assertEquals(2, index.mergeForSearching(2, 100), "five slices of 100, but only two threads");
        assertFindsTheSame(index, 2, queries, filters, before);

        assertEquals(1, index.mergeForSearching(4), "480 documents fill less than one slice");
        assertFindsTheSame(index, 1, queries, filters, before);
    }

    private void assertFindsTheSame(
            SearchIndex index,
            int segments,
            List<String> queries,
            Map<String, List<String>> filters,
            List<AccessAwareSearch.Result> before)
            throws IOException {
        index.refreshNow();
        SearchIndex.Searcher searcher = index.acquire();
        try {
            assertEquals(segments, searcher.getIndexReader().leaves().size());
            for (int i = 0; i < queries.size(); i++) {
                AccessAwareSearch.Result after = search(searcher, queries.get(i), filters);
                assertEquals(before.get(i).total(), after.total(), queries.get(i));
                assertEquals(before.get(i).facets(), after.facets(), queries.get(i));
            }
        } finally {
            index.release(searcher);
        }
    }

    private AccessAwareSearch.Result search(
            SearchIndex.Searcher searcher, String text, Map<String, List<String>> filters) throws IOException {
        return AccessAwareSearch.search(
                searcher,
                analyzer,
                new AccessAwareSearch.Request(
                        text, filters, false, 1, 20, ReaderKeys.of(null, false), false, System.currentTimeMillis()));
    }
}
