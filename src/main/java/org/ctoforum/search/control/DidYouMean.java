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
 * "Did you mean": each typed word that the reader's search cannot find, replaced by the closest word that it can.
 * Lucene proposes candidates from the whole index, embargoed, hidden and deleted items included; a candidate is
 * offered only if the reader's own access filter finds it, so a suggestion never hints at what they may not see.
 */
final class DidYouMean {

    /** Words of three letters or more, not field prefixes such as {@code title:}. */
    private static final Pattern WORD = Pattern.compile("(?<![:\\w])\\p{L}{3,}(?![:\\w])");

    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    /** Candidates asked of Lucene for each word; the closest one the reader can find wins. */
    private static final int CANDIDATES = 10;

    /** How many items this reader may find by a spelling word. */
    interface Findable {
        long count(String word) throws IOException;
    }

    private DidYouMean() {}

    /** The typed text with each word the reader cannot find replaced by the closest one they can; null if none. */
    static String suggest(IndexReader reader, String text, Findable findable) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        // Lucene skips words common in the raw index; whether the reader can find the word was decided here.
        checker.setMaxQueryFrequency(Integer.MAX_VALUE);
        Matcher words = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            String replacement = word;
            String lower = word.toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(word) && findable.count(lower) == 0) {
                String closest = closestFindable(checker, reader, lower, findable);
                if (closest != null) {
                    replacement = closest;
                    changed = true;
                }
            }
            words.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
        }
        words.appendTail(corrected);
        return changed ? corrected.toString() : null;
    }

    /** Lucene ranks by closeness, then by frequency in the raw index; ties go to the word the reader finds most. */
    private static String closestFindable(
            DirectSpellChecker checker, IndexReader reader, String word, Findable findable) throws IOException {
        SuggestWord[] candidates = checker.suggestSimilar(
                new Term(SearchFields.SPELL, word), CANDIDATES, reader, SuggestMode.SUGGEST_ALWAYS);
        String best = null;
        float bestScore = 0;
        long bestCount = 0;
        for (SuggestWord candidate : candidates) {
            if (best != null && candidate.score < bestScore) {
                break;
            }
            long count = findable.count(candidate.string);
            if (count > 0 && (best == null || count > bestCount)) {
                best = candidate.string;
                bestScore = candidate.score;
                bestCount = count;
            }
        }
        return best;
    }
}
