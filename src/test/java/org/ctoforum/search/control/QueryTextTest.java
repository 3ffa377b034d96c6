package org.ctoforum.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.MatchNoDocsQuery;
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
