package org.ctoforum.discussions.control;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.ctoforum.platform.problem.ProblemException;

/** Thread tags: lower case words joined by hyphens, at most five to a thread. */
public final class Tags {

    public static final int MAX_TAGS = 5;
    public static final int MAX_LENGTH = 30;

    /** The tags normalized ("Digital Equity" becomes "digital-equity"), or a 400 that says which one is wrong. */
    public static Set<String> normalize(Collection<String> given) {
        Set<String> tags = new TreeSet<>();
        if (given == null) {
            return tags;
        }
        for (String raw : given) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String tag = raw.strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
                throw ProblemException.badRequest(
                        "The tag '" + raw.strip() + "' must have 1 to " + MAX_LENGTH + " letters, digits or hyphens.");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.badRequest("A thread takes at most " + MAX_TAGS + " tags.");
        }
        return tags;
    }

    private Tags() {}
}
