package org.ctoforum.search.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.ctoforum.platform.searchable.ReaderKeys;

/**
 * Runs one search for one reader. The reader's keys are part of the query itself, so hits, facet counts and
 * snippets only ever come from what the reader may see: gated text is matched, counted and highlighted only for
 * readers who may read it; others match an item by its title and public summary, and see that summary.
 */
public final class AccessAwareSearch {

    /** Fewer exact hits than this, and the search also tries close spellings. */
    private static final int FEW = 3;

    /** The facet dimensions, as the API names them and a query may filter on. */
    public static final List<String> DIMENSIONS = List.of(
            SearchFields.FACET_TYPE,
            SearchFields.FACET_THEME,
            SearchFields.FACET_YEAR,
            SearchFields.FACET_TOPIC,
            SearchFields.FACET_ACCESS);

    private static final Analyzer WORDS = SearchAnalysis.words();

    /**
     * One search. {@code keys} are the reader's {@link ReaderKeys}, null for staff; {@code filters} hold facet
     * values by dimension (values of one dimension are ORed); {@code page} counts from 1.
     */
    public record Request(
            String text,
            Map<String, List<String>> filters,
            boolean byDate,
            int page,
            int size,
            Set<String> keys,
            boolean hideLocked,
            long nowMillis) {}

    public record Hit(
            String type,
            long id,
            String title,
            String url,
            String snippet,
            String date,
            String access,
            boolean locked) {}

    public record Result(
            long total,
            List<Hit> hits,
            Map<String, Map<String, Integer>> facets,
            String suggestion,
            boolean fuzzy,
            String notice) {}

    public record Suggestion(String type, long id, String title, String url) {}

    private AccessAwareSearch() {}

    public static Result search(SearchIndex.Searcher searcher, Analyzer analyzer, Request request) throws IOException {
        Query seenOnly = seenOnly(searcher, request.keys(), request.hideLocked());
        QueryText.Parsed parsed =
                withFuzzyTermsExpanded(searcher, QueryText.parse(request.text(), analyzer, false), seenOnly != null);
        if (parsed.empty()) {
            return new Result(
                    0,
                    List.of(),
                    emptyFacets(),
                    null,
                    false,
                    "Search leaves out common words such as \"the\" and \"of\"; add a more specific word.");
        }
        Page page = run(searcher, parsed, request, seenOnly);
        String suggestion = null;
        if (page.total < FEW && !parsed.all()) {
            suggestion = DidYouMean.suggest(
                    searcher.getIndexReader(),
                    request.text(),
                    word -> searcher.count(accessible(
                            new TermQuery(new Term(SearchFields.SPELL_PUBLIC, word)),
                            new TermQuery(new Term(SearchFields.SPELL, word)),
                            request.keys(),
                            seenOnly,
                            request.nowMillis())));
            Page close = run(
                    searcher,
                    withFuzzyTermsExpanded(searcher, QueryText.parse(request.text(), analyzer, true), seenOnly != null),
                    request,
                    seenOnly);
            if (close.total > page.total) {
                page = close;
            }
        }
        String notice = page.parsed.fuzzy() ? "No exact matches; these are close spellings." : null;
        return new Result(
                page.total,
                hits(searcher, analyzer, page, request),
                page.facets,
                suggestion,
                page.parsed.fuzzy(),
                notice);
    }

    /** Titles that start with what the reader is typing, among what the reader may find. */
    public static List<Suggestion> suggest(
            SearchIndex.Searcher searcher, String typed, Set<String> keys, boolean hideLocked, long nowMillis, int max)
            throws IOException {
        List<String> prefixes = words(typed);
        if (prefixes.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder typedPrefixes = new BooleanQuery.Builder();
        for (String prefix : prefixes) {
            String cut = prefix.length() > SearchAnalysis.MAX_PREFIX
                    ? prefix.substring(0, SearchAnalysis.MAX_PREFIX)
                    : prefix;
            typedPrefixes.add(new TermQuery(new Term(SearchFields.SUGGEST, cut)), Occur.MUST);
        }
        // A title is a public word: it finds what the reader may read and what they only see alike.
        Query titles = typedPrefixes.build();
        Query query = accessible(titles, titles, keys, seenOnly(searcher, keys, hideLocked), nowMillis);
        List<Suggestion> suggestions = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, max).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc, SUGGESTION_FIELDS);
            suggestions.add(new Suggestion(
                    doc.get(SearchFields.TYPE),
                    doc.getField(SearchFields.ID).numericValue().longValue(),
                    doc.get(SearchFields.SHOWN_TITLE),
                    doc.get(SearchFields.URL)));
        }
        return suggestions;
    }

    private record Page(QueryText.Parsed parsed, long total, TopDocs top, Map<String, Map<String, Integer>> facets) {}

    private static Page run(SearchIndex.Searcher searcher, QueryText.Parsed parsed, Request request, Query seenOnly)
            throws IOException {
        Query base =
                accessible(parsed.publicQuery(), parsed.fullQuery(), request.keys(), seenOnly, request.nowMillis());
        int window = request.page() * request.size();
        boolean byDate = request.byDate() || parsed.all();
        Sort sort = new Sort(new SortField(SearchFields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
        if (searcher.facets() == null) {
            TopDocs top = byDate ? searcher.search(base, window, sort) : searcher.search(base, window);
            return new Page(parsed, searcher.count(base), top, emptyFacets());
        }
        DrillDownQuery query = new DrillDownQuery(LuceneDocuments.facetsConfig(), base);
        request.filters().forEach((dimension, values) -> values.forEach(value -> query.add(dimension, value)));
        DrillSideways sideways = searcher.drillSideways();
        DrillSideways.DrillSidewaysResult result =
                byDate ? sideways.search(query, null, null, window, sort, false) : sideways.search(query, window);
        long total = 0;
        for (FacetsCollector.MatchingDocs matching : result.drillDownFacetsCollector.getMatchingDocs()) {
            total += matching.totalHits;
        }
        return new Page(parsed, total, result.hits, facets(result.facets));
    }

    /**
     * The one access filter of every output: hits, totals, facets, snippets, title suggestions and "did you mean".
     * What the reader may read matches by all its words ({@code allWords}); what they only see (the {@code seenOnly}
     * items) by its public words; nothing matches before its release. {@code keys} are null for staff.
     */
    private static Query accessible(Query publicWords, Query allWords, Set<String> keys, Query seenOnly, long now) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (keys == null) {
            query.add(allWords, Occur.MUST);
        } else {
            Query readable = new BooleanQuery.Builder()
                    .add(allWords, Occur.MUST)
                    .add(keysQuery(SearchFields.READABLE_BY, keys), Occur.FILTER)
                    .build();
            if (seenOnly == null) {
                query.add(readable, Occur.MUST);
            } else {
                Query seen = new BooleanQuery.Builder()
                        .add(publicWords, Occur.MUST)
                        .add(seenOnly, Occur.FILTER)
                        .build();
                query.add(
                        new BooleanQuery.Builder()
                                .add(readable, Occur.SHOULD)
                                .add(seen, Occur.SHOULD)
                                .build(),
                        Occur.MUST);
            }
        }
        query.add(LongPoint.newRangeQuery(SearchFields.RELEASE, Long.MIN_VALUE, now), Occur.FILTER);
        return query.build();
    }

    /**
     * The items the reader sees but may not read: a gated report shown locked, a session whose notes are for
     * members; with locked items hidden, only those not gated. Null when there are none, as for staff and most
     * members: their searches then skip the public words altogether, fuzzy expansion included.
     */
    private static Query seenOnly(IndexSearcher searcher, Set<String> keys, boolean hideLocked) throws IOException {
        if (keys == null) {
            return null;
        }
        BooleanQuery.Builder seenOnly = new BooleanQuery.Builder()
                .add(keysQuery(SearchFields.LOCKED_VISIBLE_TO, keys), Occur.FILTER)
                .add(keysQuery(SearchFields.READABLE_BY, keys), Occur.MUST_NOT);
        if (hideLocked) {
            seenOnly.add(new TermQuery(new Term(SearchFields.GATED, "true")), Occur.MUST_NOT);
        }
        Query query = seenOnly.build();
        // Cheap: only the few items that some may see without reading carry the field.
        return searcher.count(query) == 0 ? null : query;
    }

    private static Query keysQuery(String field, Set<String> keys) {
        return new TermInSetQuery(field, keys.stream().map(BytesRef::new).toList());
    }

    private static List<Hit> hits(SearchIndex.Searcher searcher, Analyzer analyzer, Page page, Request request)
            throws IOException {
        int from = (request.page() - 1) * request.size();
        ScoreDoc[] all = page.top.scoreDocs;
        if (from >= all.length) {
            return List.of();
        }
        ScoreDoc[] shown = Arrays.copyOfRange(all, from, Math.min(all.length, from + request.size()));
        List<Document> docs = new ArrayList<>();
        List<Integer> readable = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (ScoreDoc hit : shown) {
            Document doc = searcher.storedFields().document(hit.doc, HIT_FIELDS);
            docs.add(doc);
            (mayRead(doc, request.keys()) ? readable : unreadable).add(hit.doc);
        }
        Map<Integer, String> snippets = Snippets.highlighted(searcher, analyzer, page.parsed, readable, unreadable);
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            Document doc = docs.get(i);
            boolean mayRead = mayRead(doc, request.keys());
            String snippet = snippets.get(shown[i].doc);
            if (snippet == null) {
                String summary = doc.get(SearchFields.SUMMARY);
                snippet = Snippets.opening(
                        mayRead && (summary == null || summary.isBlank())
                                ? searcher.storedFields()
                                        .document(shown[i].doc, Set.of(SearchFields.BODY))
                                        .get(SearchFields.BODY)
                                : summary);
            }
            hits.add(new Hit(
                    doc.get(SearchFields.TYPE),
                    doc.getField(SearchFields.ID).numericValue().longValue(),
                    doc.get(SearchFields.SHOWN_TITLE),
                    doc.get(SearchFields.URL),
                    snippet,
                    doc.get(SearchFields.DATE),
                    doc.get(SearchFields.ACCESS),
                    !mayRead && "true".equals(doc.get(SearchFields.GATED))));
        }
        return hits;
    }

    /**
     * The stored fields a hit shows. The body, a whole report's text at times, is read only when a readable hit has
     * neither a highlighted passage nor a summary: decoding it for every hit was a sixth of a search's time.
     */
    private static final Set<String> SUGGESTION_FIELDS =
            Set.of(SearchFields.TYPE, SearchFields.ID, SearchFields.SHOWN_TITLE, SearchFields.URL);

    private static final Set<String> HIT_FIELDS = Set.of(
            SearchFields.TYPE,
            SearchFields.ID,
            SearchFields.SHOWN_TITLE,
            SearchFields.URL,
            SearchFields.SUMMARY,
            SearchFields.DATE,
            SearchFields.ACCESS,
            SearchFields.GATED,
            SearchFields.READABLE_BY);

    /**
     * Fuzzy terms replaced by the words they match in this index, once, for both the search and the highlighter. The
     * highlighter would otherwise walk the whole term dictionary again for each fuzzy term. The public query is left
     * out when {@code publicNeeded} is false: building a fuzzy word's automata is most of what expanding it costs.
     */
    private static QueryText.Parsed withFuzzyTermsExpanded(
            IndexSearcher searcher, QueryText.Parsed parsed, boolean publicNeeded) throws IOException {
        if (!hasFuzzyTerms(parsed.fullQuery())) {
            return parsed;
        }
        return new QueryText.Parsed(
                publicNeeded ? searcher.rewrite(parsed.publicQuery()) : new MatchNoDocsQuery(),
                searcher.rewrite(parsed.fullQuery()),
                parsed.all(),
                parsed.empty(),
                parsed.fuzzy());
    }

    private static boolean hasFuzzyTerms(Query query) {
        boolean[] fuzzy = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                fuzzy[0] |= leaf instanceof FuzzyQuery;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return fuzzy[0];
    }

    private static boolean mayRead(Document doc, Set<String> keys) {
        if (keys == null) {
            return true;
        }
        for (String key : doc.getValues(SearchFields.READABLE_BY)) {
            if (keys.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Map<String, Integer>> facets(Facets facets) throws IOException {
        Map<String, Map<String, Integer>> all = emptyFacets();
        for (String dimension : DIMENSIONS) {
            FacetResult result;
            try {
                result = facets.getTopChildren(50, dimension);
            } catch (IllegalArgumentException notIndexedYet) {
                continue;
            }
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    all.get(dimension).put(value.label, value.value.intValue());
                }
            }
        }
        return all;
    }

    private static Map<String, Map<String, Integer>> emptyFacets() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> all.put(dimension, new LinkedHashMap<>()));
        return all;
    }

    private static List<String> words(String typed) throws IOException {
        List<String> words = new ArrayList<>();
        if (typed == null) {
            return words;
        }
        try (TokenStream stream = WORDS.tokenStream(SearchFields.SUGGEST, typed)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < 8) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
