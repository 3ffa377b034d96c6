package org.ctoforum.search.control;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The snippet of each hit: the passages that match, marked with {@code <mark>}, from text the reader may read. */
final class Snippets {

    static final int LENGTH = 200;

    private Snippets() {}

    /**
     * Highlighted passages by document id, from the body or summary of the documents the reader may read, and from
     * the public summary only of the others. A document without a match has no entry.
     */
    static Map<Integer, String> highlighted(
            IndexSearcher searcher,
            Analyzer analyzer,
            QueryText.Parsed parsed,
            List<Integer> readable,
            List<Integer> unreadable)
            throws IOException {
        Map<Integer, String> snippets = new LinkedHashMap<>();
        if (parsed.all()) {
            return snippets;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ENGLISH), LENGTH, 0.5f))
                .withMaxLength(2_000_000)
                // The query names the catch-all fields; their words are the ones to mark in body and summary.
                .withFieldMatcher(field -> true)
                .build();
        highlight(highlighter, SearchFields.BODY, parsed.fullQuery(), readable, snippets);
        highlight(highlighter, SearchFields.SUMMARY, parsed.fullQuery(), readable, snippets);
        // Readers who may not read the body get highlights from the public summary only.
        highlight(highlighter, SearchFields.SUMMARY, parsed.publicQuery(), unreadable, snippets);
        return snippets;
    }

    private static void highlight(
            UnifiedHighlighter highlighter, String field, Query query, List<Integer> docIds, Map<Integer, String> into)
            throws IOException {
        List<Integer> missing =
                docIds.stream().filter(id -> !into.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        int[] ids = missing.stream().mapToInt(Integer::intValue).toArray();
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int[] passages = new int[] {2};
        String[] found = highlighter
                .highlightFields(new String[] {field}, query, sorted, passages)
                .get(field);
        for (int i = 0; i < sorted.length; i++) {
            if (found != null && found[i] != null && found[i].contains("<mark>")) {
                into.put(sorted[i], found[i].strip());
            }
        }
    }

    /** The start of a text as a snippet without highlights, escaped. */
    static String opening(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        String cut = flat.length() <= LENGTH ? flat : flat.substring(0, LENGTH) + " …";
        return cut.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
