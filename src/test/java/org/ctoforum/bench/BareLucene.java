package org.ctoforum.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.ctoforum.search.control.AccessAwareSearch;
import org.ctoforum.search.control.LuceneDocuments;
import org.ctoforum.search.control.QueryText;
import org.ctoforum.search.control.SearchFields;
import org.ctoforum.search.control.SearchIndex;

/**
 * The floor the portal's search is measured against: the same index folder and the same parsed query, answered by
 * Lucene alone. It counts the same facets and reads the top titles, but has no access filter, no highlighting, no
 * drill-sideways, no HTTP and no JSON.
 */
final class BareLucene implements Closeable {

    private static final int FEW = 3;
    private static final int FACET_VALUES = 50;

    private final FSDirectory directory;
    private final DirectoryReader reader;
    /** Lucene's searcher with the portal's slicing and facet counting over the same pool, nothing else. */
    private final SearchIndex.Searcher searcher;

    private final Analyzer analyzer;

    /** Opens the live generation under the portal's {@code data/search}, read-only, beside the running portal. */
    BareLucene(Path searchRoot, Analyzer analyzer, ExecutorService threads) throws IOException {
        String current = Files.readString(searchRoot.resolve("CURRENT"), StandardCharsets.UTF_8)
                .strip();
        this.directory = FSDirectory.open(searchRoot.resolve(current));
        this.reader = DirectoryReader.open(directory);
        this.searcher = new SearchIndex.Searcher(reader, threads);
        this.analyzer = analyzer;
    }

    DirectoryReader reader() {
        return reader;
    }

    int documents() {
        return reader.numDocs();
    }

    /** The total hits; like the portal, a query that finds fewer than three is tried again with fuzzy terms. */
    long search(String text, Map<String, List<String>> filters, int size) throws IOException {
        long total = run(QueryText.parse(text, analyzer, false), filters, size);
        if (total < FEW) {
            total = Math.max(total, run(QueryText.parse(text, analyzer, true), filters, size));
        }
        return total;
    }

    private long run(QueryText.Parsed parsed, Map<String, List<String>> filters, int size) throws IOException {
        if (parsed.empty()) {
            return 0;
        }
        DrillDownQuery query = new DrillDownQuery(LuceneDocuments.facetsConfig(), parsed.fullQuery());
        filters.forEach((dimension, values) -> values.forEach(value -> query.add(dimension, value)));
        FacetsCollectorManager.FacetsResult result =
                FacetsCollectorManager.search(searcher, query, size, new FacetsCollectorManager());
        Facets facets = searcher.facetCounts(result.facetsCollector());
        for (String dimension : AccessAwareSearch.DIMENSIONS) {
            facets.getTopChildren(FACET_VALUES, dimension);
        }
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc hit : result.topDocs().scoreDocs) {
            stored.document(hit.doc, Set.of(SearchFields.SHOWN_TITLE, SearchFields.URL));
        }
        // Exact, like the portal's total; TopDocs stops counting at 1,000.
        long total = 0;
        for (FacetsCollector.MatchingDocs matching : result.facetsCollector().getMatchingDocs()) {
            total += matching.totalHits;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
