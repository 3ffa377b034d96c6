package org.ctoforum.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {

    private final Analyzer analyzer = SearchAnalysis.forQueries(List.of("cto, chief technology officer"));

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "AND", "OR NOT", "title:", "((budget", "budget)", "~", "^2", "[a TO"})
    void inputTheSyntaxCannotParseIsSearchedAsWords(String text) {
        QueryText.Parsed parsed = QueryText.parse(text, analyzer, false);
        assertFalse(parsed.all());
        // Either words remain and are searched, or nothing searchable remains and the answer says so.
        assertTrue(parsed.empty() || !(parsed.fullQuery() instanceof MatchNoDocsQuery), text);
    }

    @Test
    void withNoSynonymsAtAllWordsAreStillSearched() {
        // A synonym map without a single group cannot drive Lucene's synonym filter; it used to empty every query.
        QueryText.Parsed parsed = QueryText.parse("budget", SearchAnalysis.forQueries(List.of()), false);
        assertFalse(parsed.empty());
        assertTrue(
                parsed.fullQuery().toString().contains("budget"),
                parsed.fullQuery().toString());
    }

    @Test
    void aFuzzyWordIsFuzzyInTheCatchAllFieldsOnlyNotInTheTitleBoost() {
        // Each FuzzyQuery builds its Levenshtein automata when rewritten: one per catch-all field, no more.
        for (QueryText.Parsed parsed :
                List.of(QueryText.parse("parliment~", analyzer, false), QueryText.parse("parliment", analyzer, true))) {
            assertEquals(List.of(SearchFields.PUBLIC_TEXT), fuzzyFields(parsed.publicQuery()));
            assertEquals(List.of(SearchFields.ALL_TEXT), fuzzyFields(parsed.fullQuery()));
        }
    }

    private static List<String> fuzzyFields(Query query) {
        List<String> fields = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                if (leaf instanceof FuzzyQuery) {
                    fields.add(field);
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }

    @Test
    void starAloneAndNothingMeanEverything() {
        assertTrue(QueryText.parse("*", analyzer, false).all());
        assertTrue(QueryText.parse("  ", analyzer, false).all());
        assertTrue(QueryText.parse(null, analyzer, false).all());
    }

    @Test
    void onlyStopWordsLeaveNothingToSearch() {
        QueryText.Parsed parsed = QueryText.parse("the of and", analyzer, false);
        assertTrue(parsed.empty());
        assertFalse(parsed.all());
    }

    @Test
    void thePublicQueryNeverReachesTheBody() {
        QueryText.Parsed parsed = QueryText.parse("body:secret", analyzer, false);
        assertInstanceOf(MatchNoDocsQuery.class, parsed.publicQuery());
        assertTrue(
                parsed.fullQuery().toString().contains("body:secret"),
                parsed.fullQuery().toString());
        assertFalse(QueryText.parse("budget", analyzer, false)
                .publicQuery()
                .toString()
                .contains("body:"));
    }

    @Test
    void anUnknownPrefixIsJustWords() {
        String query =
                QueryText.parse("note: budget", analyzer, false).fullQuery().toString();
        assertTrue(query.contains("all_text:note") && query.contains("all_text:budget"), query);
    }

    @Test
    void multiWordSynonymsMatchEitherForm() {
        String query = QueryText.parse("chief technology officer", analyzer, false)
                .fullQuery()
                .toString();
        assertTrue(query.contains("all_text:cto") && query.contains("\"chief technolog offic\""), query);
    }

    @Test
    void fuzzyTermsForTheSecondTry() {
        String query =
                QueryText.parse("infrastructur", analyzer, true).fullQuery().toString();
        assertTrue(query.contains("~"), query);
        assertEquals(QueryText.parse("infrastructur", analyzer, true).fuzzy(), true);
    }
}
