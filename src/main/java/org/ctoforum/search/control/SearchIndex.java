package org.ctoforum.search.control;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.ThreadInterruptedException;
import org.ctoforum.platform.searchable.SearchDocument;

/**
 * One generation of the index: a folder, its writer, and near-real-time searchers over what the writer holds.
 * Each commit records how far the database's change log has been applied, so a restart resumes from there.
 */
public final class SearchIndex implements Closeable {

    static final String SCHEMA = "schema";
    static final String COMPLETE = "complete";
    private static final String TXID = "txid";
    private static final String SEQ = "seq";

    /** A position in the change log: every change before it is in this index. */
    public record Cursor(long txid, long seq) {
        public static final Cursor START = new Cursor(0, 0);
    }

    /**
     * A searcher with the facet state of its reader, built once per reopen rather than per search. With
     * {@code threads}, a search over a large index splits into slices of segments, and the calling thread works
     * through them with the pool's; null searches on the calling thread alone.
     */
    public static final class Searcher extends IndexSearcher {
        /**
         * Handing work to other threads costs more than it saves on a small index or a narrow search: measured on
         * 120,000 documents, it doubled the p95 of simple queries. Below these sizes, the calling thread works alone.
         */
        private static final int DOCS_PER_SLICE = 250_000;

        private static final int HITS_TO_COUNT_IN_PARALLEL = 50_000;

        private final SortedSetDocValuesReaderState facets;
        private final ExecutorService threads;
        private final int docsPerSlice;
        private final int hitsToCountInParallel;

        public Searcher(IndexReader reader, ExecutorService threads) throws IOException {
            this(reader, threads, DOCS_PER_SLICE, HITS_TO_COUNT_IN_PARALLEL);
        }

        /** With other sizes, so that a test can split a small index. */
        Searcher(IndexReader reader, ExecutorService threads, int docsPerSlice, int hitsToCountInParallel)
                throws IOException {
            super(reader, threads);
            this.facets = facetState(reader);
            this.threads = threads;
            this.docsPerSlice = docsPerSlice;
            this.hitsToCountInParallel = hitsToCountInParallel;
        }

        /** Slices by documents only: Lucene's default also cuts a slice at every fifth segment, however small. */
        @Override
        protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            return slices(leaves, docsPerSlice, Integer.MAX_VALUE);
        }

        /** The facet counts of these hits; over the pool, a segment each, when there are many. */
        public Facets facetCounts(FacetsCollector hits) throws IOException {
            long total = 0;
            for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
                total += matching.totalHits;
            }
            if (threads == null || total < hitsToCountInParallel) {
                return new SortedSetDocValuesFacetCounts(facets, hits);
            }
            try {
                return new ConcurrentSortedSetDocValuesFacetCounts(facets, hits, threads);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ThreadInterruptedException(e);
            }
        }

        /** Drill-sideways search whose facet counts go over the pool as {@link #facetCounts} decides. */
        public DrillSideways drillSideways() {
            return new DrillSideways(this, LuceneDocuments.facetsConfig(), facets) {
                @Override
                protected Facets buildFacetsResult(
                        FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
                        throws IOException {
                    Facets drillDownFacets = Searcher.this.facetCounts(drillDowns);
                    if (drillSideways == null || drillSideways.length == 0) {
                        return drillDownFacets;
                    }
                    Map<String, Facets> sideways = new HashMap<>();
                    for (int i = 0; i < drillSideways.length; i++) {
                        sideways.put(drillSidewaysDims[i], Searcher.this.facetCounts(drillSideways[i]));
                    }
                    return new MultiFacets(sideways, drillDownFacets);
                }
            };
        }

        /** Null while the index holds no document with facets. */
        public SortedSetDocValuesReaderState facets() {
            return facets;
        }

        private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
            try {
                return new DefaultSortedSetDocValuesReaderState(reader, LuceneDocuments.facetsConfig());
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
        }
    }

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean complete;

    private SearchIndex(Path folder, IndexWriterConfig.OpenMode mode, ExecutorService threads) throws IOException {
        this.folder = folder;
        this.directory = FSDirectory.open(folder);
        IndexWriterConfig config = new IndexWriterConfig(SearchAnalysis.forIndexing()).setOpenMode(mode);
        config.setRAMBufferSizeMB(64);
        IndexWriter opened = null;
        try {
            opened = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(opened, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    return new Searcher(reader, threads);
                }
            });
            this.writer = opened;
            this.complete = mode == IndexWriterConfig.OpenMode.APPEND;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.rollback();
            }
            directory.close();
            throw e;
        }
    }

    static SearchIndex open(Path folder, ExecutorService threads) throws IOException {
        return new SearchIndex(folder, IndexWriterConfig.OpenMode.APPEND, threads);
    }

    static SearchIndex create(Path folder, ExecutorService threads) throws IOException {
        return new SearchIndex(folder, IndexWriterConfig.OpenMode.CREATE, threads);
    }

    public Path folder() {
        return folder;
    }

    public FacetsConfig facetsConfig() {
        return LuceneDocuments.facetsConfig();
    }

    /** Replaces the item's document, or adds it. */
    public void put(SearchDocument item) throws IOException {
        writer.updateDocument(new Term(SearchFields.KEY, item.key()), LuceneDocuments.toLucene(item));
    }

    /** Adds documents known to be new, as a rebuild does. */
    public void add(Collection<SearchDocument> items) throws IOException {
        for (SearchDocument item : items) {
            writer.addDocument(LuceneDocuments.toLucene(item));
        }
    }

    public void remove(String key) throws IOException {
        writer.deleteDocuments(new Term(SearchFields.KEY, key));
    }

    /** Removes the documents under a parent: a report's sections, a thread's posts. */
    public void removeChildren(String parentKey) throws IOException {
        writer.deleteDocuments(new Term(SearchFields.PARENT, parentKey));
    }

    /**
     * Merges a freshly built index for searching: one segment for each slice a search could split into, but no more
     * segments than threads to search them. A rebuild leaves dozens of segments, and every search pays for each one:
     * its term lookups and, for a fuzzy word, a walk of its term dictionary. Later changes merge as usual. Answers
     * the number of segments asked for.
     */
    public int mergeForSearching(int threads) throws IOException {
        return mergeForSearching(threads, Searcher.DOCS_PER_SLICE);
    }

    /** With another slice size, so that a test can merge a small index into several segments. */
    int mergeForSearching(int threads, int docsPerSlice) throws IOException {
        long documents = writer.getDocStats().maxDoc;
        long slices = (documents + docsPerSlice - 1) / docsPerSlice;
        int segments = (int) Math.max(1, Math.min(slices, threads));
        writer.forceMerge(segments);
        return segments;
    }

    /** Says a rebuild has put everything in; until then a restart treats this index as unusable. */
    public void markComplete() {
        complete = true;
    }

    public void commit(Cursor cursor) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, String.valueOf(SearchFields.SCHEMA_VERSION));
        data.put(COMPLETE, String.valueOf(complete));
        data.put(TXID, String.valueOf(cursor.txid()));
        data.put(SEQ, String.valueOf(cursor.seq()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** How far the change log had been applied at the last commit. */
    public Cursor committedCursor() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        if (!data.containsKey(TXID)) {
            return Cursor.START;
        }
        return new Cursor(Long.parseLong(data.get(TXID)), Long.parseLong(data.get(SEQ)));
    }

    /** Makes what the writer holds visible to new searches; cheap when nothing changed. */
    public void refresh() throws IOException {
        searchers.maybeRefresh();
    }

    /** Waits for a refresh, so that what was just written is searchable now. */
    public void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public Searcher acquire() throws IOException {
        return (Searcher) searchers.acquire();
    }

    public void release(Searcher searcher) throws IOException {
        searchers.release(searcher);
    }

    public long documents() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
