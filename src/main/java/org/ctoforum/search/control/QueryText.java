package org.ctoforum.search.control;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * What a reader typed, as two Lucene queries: one over the public fields (title, summary, topic, author) and one
 * that also reaches the gated body. The search matches the body only where the reader may read it, and a
 * {@code body:} prefix never reaches it through the public query.
 *
 * <p>Lucene's classic syntax: {@code "phrases"}, AND, OR, NOT, +/-, {@code title:}, trailing wildcards and
 * {@code ~} for fuzzy. Words are ANDed by default. Input the syntax cannot parse is searched as plain words.
 */
public final class QueryText {

    public static final int MAX_LENGTH = 500;

    private static final Map<String, Float> PUBLIC_FIELDS = Map.of(
            SearchFields.TITLE, 3f,
            SearchFields.TOPIC, 2f,
            SearchFields.SUMMARY, 1.5f,
            SearchFields.AUTHOR, 1f);
    private static final Map<String, Float> ALL_FIELDS = Map.of(
            SearchFields.TITLE, 3f,
            SearchFields.TOPIC, 2f,
            SearchFields.SUMMARY, 1.5f,
            SearchFields.AUTHOR, 1f,
            SearchFields.BODY, 1f);

    /** The parsed text. {@code all} is true when the reader asked for everything (nothing typed, or {@code *}). */
    public record Parsed(Query publicQuery, Query fullQuery, boolean all, boolean empty, boolean fuzzy) {}

    private QueryText() {}

    /**
     * Parses the text; with {@code fuzzy}, every single term becomes a fuzzy term, for a second try when the exact
     * words found little. {@code empty} means only words search ignores were typed.
     */
    public static Parsed parse(String text, Analyzer analyzer, boolean fuzzy) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty() || typed.equals("*") || typed.equals("*:*")) {
            return new Parsed(new MatchAllDocsQuery(), new MatchAllDocsQuery(), true, false, false);
        }
        Query publicQuery = parse(typed, PUBLIC_FIELDS, analyzer, fuzzy);
        Query fullQuery = parse(typed, ALL_FIELDS, analyzer, fuzzy);
        boolean empty = fullQuery == null || isEmpty(fullQuery);
        return new Parsed(
                publicQuery == null ? new MatchNoDocsQuery() : publicQuery,
                empty ? new MatchNoDocsQuery() : fullQuery,
                false,
                empty,
                fuzzy);
    }

    private static Query parse(String text, Map<String, Float> fields, Analyzer analyzer, boolean fuzzy) {
        try {
            return parser(fields, analyzer, fuzzy).parse(text);
        } catch (ParseException | IndexSearcher.TooManyClauses | IllegalArgumentException e) {
            try {
                return parser(fields, analyzer, fuzzy).parse(plainWords(text));
            } catch (ParseException | IndexSearcher.TooManyClauses | IllegalArgumentException again) {
                return null;
            }
        }
    }

    private static String plainWords(String text) {
        return QueryParser.escape(text.replaceAll("\\b(AND|OR|NOT)\\b", " ")).strip();
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery bool && bool.clauses().isEmpty() || query instanceof MatchNoDocsQuery;
    }

    private static QueryParser parser(Map<String, Float> fields, Analyzer analyzer, boolean fuzzy) {
        QueryParser parser = new FieldLimitedParser(fields, analyzer, fuzzy);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false);
        parser.setAutoGeneratePhraseQueries(false);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setAllowLeadingWildcard(false);
        return parser;
    }

    /** Searches only the fields it was given: a prefix naming any other known field matches nothing. */
    private static final class FieldLimitedParser extends MultiFieldQueryParser {
        private static final Set<String> KNOWN = ALL_FIELDS.keySet();
        private final Set<String> allowed;
        private final boolean fuzzy;

        FieldLimitedParser(Map<String, Float> fields, Analyzer analyzer, boolean fuzzy) {
            super(fields.keySet().toArray(String[]::new), analyzer, fields);
            this.allowed = fields.keySet();
            this.fuzzy = fuzzy;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && !allowed.contains(field)) {
                if (KNOWN.contains(field)) {
                    return new MatchNoDocsQuery();
                }
                // "http://…" or "note: …": not a field, just words.
                return super.getFieldQuery(null, field + " " + queryText, quoted);
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (field != null && !allowed.contains(field)) {
                return KNOWN.contains(field)
                        ? new MatchNoDocsQuery()
                        : super.getFieldQuery(null, field + " " + queryText, slop);
            }
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return reachable(field) ? super.getFuzzyQuery(field, termStr, minSimilarity) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return reachable(field) ? super.getPrefixQuery(field, termStr) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return reachable(field) ? super.getWildcardQuery(field, termStr) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return reachable(field) ? super.getRegexpQuery(field, termStr) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startIncl, boolean endIncl)
                throws ParseException {
            return reachable(field)
                    ? super.getRangeQuery(field, part1, part2, startIncl, endIncl)
                    : new MatchNoDocsQuery();
        }

        @Override
        protected Query newTermQuery(Term term, float boost) {
            if (!fuzzy || term.text().length() < 4) {
                return super.newTermQuery(term, boost);
            }
            return new FuzzyQuery(term, term.text().length() > 7 ? 2 : 1, 1);
        }

        private boolean reachable(String field) {
            return field == null || allowed.contains(field);
        }
    }
}
