package org.ctoforum.discussions.control;

/** A post quoted in Markdown, attributed as the thread's rule allows. */
public final class Quotes {

    private static final int MAX_QUOTED = 1_000;

    public static String of(String attribution, String body) {
        String text = body.strip();
        if (text.length() > MAX_QUOTED) {
            text = text.substring(0, MAX_QUOTED) + " …";
        }
        StringBuilder quote = new StringBuilder("> ").append(attribution).append(" wrote:\n>\n");
        for (String line : text.split("\\R", -1)) {
            quote.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return quote.append('\n').toString();
    }

    private Quotes() {}
}
