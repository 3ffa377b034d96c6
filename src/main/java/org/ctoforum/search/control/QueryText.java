package org.ctoforum.search.control;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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

    /** Fields a prefix may name in the public query; the full query may also name {@code body}. */
    private static final Set<String> PUBLIC_FIELDS =
            Set.of(SearchFields.TITLE, SearchFields.SUMMARY, SearchFields.TOPIC, SearchFields.AUTHOR);

    private static final Set<String> ALL_FIELDS = Set.of(
            SearchFields.TITLE, SearchFields.SUMMARY, SearchFields.TOPIC, SearchFields.AUTHOR, SearchFields.BODY);

    /** Words found in the title count this much more. */
    private static final float TITLE_BOOST = 2f;

    /**
     * The closest spellings a fuzzy word stands for. Lucene's default, 50, ORs the postings of 50 terms together for
     * one misspelt word; the few closest find what a reader meant, at a fraction of the cost on a large index.
     */
    static final int FUZZY_EXPANSIONS = 16;

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
        Query publicQuery = withTitleBoost(typed, SearchFields.PUBLIC_TEXT, PUBLIC_FIELDS, analyzer, fuzzy);
        Query fullQuery = withTitleBoost(typed, SearchFields.ALL_TEXT, ALL_FIELDS, analyzer, fuzzy);
        boolean empty = fullQuery == null;
        return new Parsed(
                publicQuery == null ? new MatchNoDocsQuery() : publicQuery,
                empty ? new MatchNoDocsQuery() : fullQuery,
                false,
                empty,
                fuzzy);
    }

    /**
     * Matches by the catch-all field, so each word may be in any field; ranks title matches higher. The title clause
     * only ranks, so it takes the words as typed: a fuzzy word there would build its Levenshtein automata again,
     * which is most of what a fuzzy search costs.
     */
    private static Query withTitleBoost(
            String text, String catchAll, Set<String> fields, Analyzer analyzer, boolean fuzzy) {
        Query matching = parse(text, catchAll, fields, analyzer, fuzzy, false);
        if (matching == null) {
            return null;
        }
        Query inTitle = parse(text, SearchFields.TITLE, fields, analyzer, false, true);
        if (inTitle == null) {
            return matching;
        }
        return new BooleanQuery.Builder()
                .add(matching, BooleanClause.Occur.MUST)
                .add(new BoostQuery(inTitle, TITLE_BOOST), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Query parse(
            String text, String field, Set<String> fields, Analyzer analyzer, boolean fuzzy, boolean exact) {
        Query query;
        try {
            query = parser(field, fields, analyzer, fuzzy, exact).parse(text);
        } catch (ParseException | IndexSearcher.TooManyClauses | IllegalArgumentException e) {
            try {
                query = parser(field, fields, analyzer, fuzzy, exact).parse(plainWords(text));
            } catch (ParseException | IndexSearcher.TooManyClauses | IllegalArgumentException again) {
                return null;
            }
        }
        return query == null || isEmpty(query) ? null : query;
    }

    private static String plainWords(String text) {
        return QueryParser.escape(text.replaceAll("\\b(AND|OR|NOT)\\b", " ")).strip();
    }

    private static boolean isEmpty(Query query) {
        return query instanceof BooleanQuery bool && bool.clauses().isEmpty() || query instanceof MatchNoDocsQuery;
    }

    private static QueryParser parser(
            String field, Set<String> fields, Analyzer analyzer, boolean fuzzy, boolean exact) {
        QueryParser parser = new FieldLimitedParser(field, fields, analyzer, fuzzy, exact);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false);
        parser.setAutoGeneratePhraseQueries(false);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setAllowLeadingWildcard(false);
        // Typos seldom hit the first letter, and keeping it cuts the terms a "word~" walks by an order of magnitude.
        parser.setFuzzyPrefixLength(1);
        return parser;
    }

    /**
     * A prefix naming a field outside those given matches nothing; an unknown "prefix:" is just words. With
     * {@code fuzzy}, every word of four letters or more is fuzzy; with {@code exact}, none is, not even "word~".
     */
    private static final class FieldLimitedParser extends QueryParser {
        private final Set<String> fields;
        private final boolean fuzzy;
        private final boolean exact;

        FieldLimitedParser(String defaultField, Set<String> fields, Analyzer analyzer, boolean fuzzy, boolean exact) {
            super(defaultField, analyzer);
            this.fields = fields;
            this.fuzzy = fuzzy;
            this.exact = exact;
        }

        private boolean reachable(String field) {
            return field.equals(this.field) || fields.contains(field);
        }

        private boolean notAField(String field) {
            return !field.equals(this.field) && !ALL_FIELDS.contains(field);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (notAField(field)) {
                // "http://…" or "note: …": not a field, just words.
                return super.getFieldQuery(this.field, field + " " + queryText, quoted);
            }
            return reachable(field) ? super.getFieldQuery(field, queryText, quoted) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            if (notAField(field)) {
                return super.getFieldQuery(this.field, field + " " + queryText, slop);
            }
            return reachable(field) ? super.getFieldQuery(field, queryText, slop) : new MatchNoDocsQuery();
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (!reachable(field)) {
                return new MatchNoDocsQuery();
            }
            return exact ? getFieldQuery(field, termStr, false) : super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
            String text = term.text();
            int edits = FuzzyQuery.floatToEdits(minimumSimilarity, text.codePointCount(0, text.length()));
            return new FuzzyQuery(term, edits, prefixLength, FUZZY_EXPANSIONS, FuzzyQuery.defaultTranspositions);
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
            return new FuzzyQuery(
                    term, term.text().length() > 7 ? 2 : 1, 1, FUZZY_EXPANSIONS, FuzzyQuery.defaultTranspositions);
        }
    }
}
