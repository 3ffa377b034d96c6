package org.ctoforum.discussions.control;

import org.ctoforum.platform.markdown.Markdown;

/** A post quoted in Markdown, attributed as the thread's rule allows; a report section quoted and linked. */
public final class Quotes {

    private static final int MAX_QUOTED = 1_000;
    /** A section's opening is quoted up to here, cut at a word: enough to say what it is about. */
    static final int MAX_OPENING = 400;

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

    /**
     * The opening of a report section as a Markdown quote, then a link to the section. {@code markdown} is the
     * section's text, or null where it may not be quoted: then only the link is given.
     */
    public static String ofSection(String heading, String reportTitle, String url, String markdown) {
        StringBuilder quote = new StringBuilder();
        String opening = markdown == null ? "" : opening(markdown);
        if (!opening.isEmpty()) {
            quote.append("> ").append(opening).append("\n>\n> ");
        }
        quote.append("From [")
                .append(escaped(heading))
                .append("](")
                .append(url)
                .append("), in *")
                .append(escaped(reportTitle))
                .append("*\n\n");
        return quote.toString();
    }

    /** The first paragraph as plain text on one line, cut at a word if it is long. */
    static String opening(String markdown) {
        String first = markdown.strip().split("\\R\\s*\\R", 2)[0];
        String paragraph = Markdown.toPlainText(first).replaceAll("\\s+", " ").strip();
        if (paragraph.length() <= MAX_OPENING) {
            return paragraph;
        }
        int cut = paragraph.lastIndexOf(' ', MAX_OPENING);
        return paragraph.substring(0, cut > 0 ? cut : MAX_OPENING) + " …";
    }

    /** Text inside a link or emphasis, with the characters that would end them escaped. */
    private static String escaped(String text) {
        return text.replaceAll("([\\\\\\[\\]*_`<>])", "\\\\$1");
    }

    private Quotes() {}
}
