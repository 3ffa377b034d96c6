package org.ctoforum.discussions.control;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The @handles a Markdown text mentions, outside code. At most {@value #MAX} are taken, to bound the notices. */
public final class Mentions {

    public static final int MAX = 10;
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]*`", Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9])");

    public static Set<String> in(String markdown) {
        Set<String> handles = new LinkedHashSet<>();
        if (markdown == null) {
            return handles;
        }
        Matcher matcher = MENTION.matcher(CODE.matcher(markdown).replaceAll(" "));
        while (matcher.find() && handles.size() < MAX) {
            handles.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return handles;
    }

    private Mentions() {}
}
