package org.ctoforum.search.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. English with Porter stemming for the text fields; synonyms apply at query time only, so
 * staff can change them without a reindex. The spelling field keeps whole lower-cased words, and the suggestion
 * field keeps word prefixes for titles while typing.
 */
public final class SearchAnalysis {

    /** Longest prefix kept for title suggestions; longer typed words are cut to it. */
    public static final int MAX_PREFIX = 20;

    private SearchAnalysis() {}

    public static Analyzer forIndexing() {
        return new PerFieldAnalyzerWrapper(
                english(null),
                Map.of(
                        SearchFields.SPELL,
                        words(),
                        SearchFields.SPELL_PUBLIC,
                        words(),
                        SearchFields.SUGGEST,
                        prefixes()));
    }

    /** The analyzer for queries, with the synonym groups given ("cto, chief technology officer"). */
    public static Analyzer forQueries(List<String> synonymGroups) {
        return new PerFieldAnalyzerWrapper(
                english(synonyms(synonymGroups)), Map.of(SearchFields.SPELL, words(), SearchFields.SUGGEST, words()));
    }

    /** Plain lower-cased words: for spelling and typed suggestion prefixes. */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /** Checks a staff member's synonym group; answers why it is wrong, or null. */
    public static String problemWith(String group) {
        try {
            synonyms(List.of(group));
            return group.contains(",") ? null : "List at least two terms, separated by commas.";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Analyzer english(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
        };
    }

    private static Analyzer prefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                return new TokenStreamComponents(source, new EdgeNGramTokenFilter(stream, 1, MAX_PREFIX, true));
            }
        };
    }

    private static SynonymMap synonyms(List<String> groups) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words());
        try {
            parser.parse(new StringReader(String.join("\n", groups)));
            return parser.build();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Synonyms cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
