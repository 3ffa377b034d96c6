package org.ctoforum.search.control;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": the typed words that no document has, replaced by the closest words in the spelling field, which
 * holds only text everyone may read, so a suggestion never hints at gated words.
 */
final class DidYouMean {

    /** Words of three letters or more, not field prefixes such as {@code title:}. */
    private static final Pattern WORD = Pattern.compile("(?<![:\\w])\\p{L}{3,}(?![:\\w])");

    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    private DidYouMean() {}

    /** The typed text with each unknown word replaced by the closest word everyone may read; null if none. */
    static String suggest(IndexReader reader, String text) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        Matcher words = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            String replacement = word;
            if (!OPERATORS.contains(word)) {
                Term term = new Term(SearchFields.SPELL, word.toLowerCase(Locale.ROOT));
                if (reader.docFreq(term) == 0) {
                    SuggestWord[] close =
                            checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (close.length > 0) {
                        replacement = close[0].string;
                        changed = true;
                    }
                }
            }
            words.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
        }
        words.appendTail(corrected);
        return changed ? corrected.toString() : null;
    }
}
