package org.ctoforum.platform.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.testing.XssPayloads;
import org.junit.jupiter.api.Test;

/**
 * Every payload of src/test/resources/xss/payloads.txt (OWASP's XSS Filter Evasion Cheat Sheet and the OWASP Java
 * HTML Sanitizer's own test vectors, plus Markdown ones) goes through {@link Markdown#toSafeHtml}; what comes out
 * may hold only allowed elements, no event handler or style, and links only to http(s), mailto or relative places.
 */
class MarkdownAttackTest {

    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> ELEMENTS = Set.of(
            "p",
            "b",
            "i",
            "em",
            "strong",
            "u",
            "s",
            "strike",
            "sub",
            "sup",
            "tt",
            "big",
            "small",
            "ul",
            "ol",
            "li",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td",
            "caption",
            "colgroup",
            "col",
            "a",
            "pre",
            "code",
            "hr",
            "br",
            "del",
            "div",
            "span");
    private static final Set<String> ATTRIBUTES = Set.of("href", "rel", "align", "colspan", "rowspan");

    @Test
    void noPayloadSurvives() throws IOException {
        List<String> payloads = XssPayloads.all();
        assertTrue(payloads.size() >= 150, "the corpus has " + payloads.size() + " payloads");
        List<String> survivors = new ArrayList<>();
        for (String payload : payloads) {
            String html = Markdown.toSafeHtml(payload);
            String problem = problemIn(html);
            if (problem != null) {
                survivors.add(problem + " in " + html + " from " + payload);
            }
        }
        assertEquals(List.of(), survivors);
    }

    @Test
    void markdownStillFormats() {
        assertEquals(
                "<p><strong>bold</strong> and <a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">a"
                        + " link</a></p>\n",
                Markdown.toSafeHtml("**bold** and [a link](https://example.org)"));
    }

    private static String problemIn(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!ELEMENTS.contains(name)) {
                return "element <" + name + ">";
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
            String rest = tag.group(3);
            while (attribute.find()) {
                String attr = attribute.group(1).toLowerCase(Locale.ROOT);
                if (!ATTRIBUTES.contains(attr)) {
                    return "attribute " + attr;
                }
                if (attr.equals("href") && !safeUrl(decode(attribute.group(2)))) {
                    return "link " + attribute.group(2);
                }
                rest = rest.replace(attribute.group(), "");
            }
            if (!rest.isBlank() && !rest.strip().equals("/")) {
                return "unparsed attributes '" + rest + "'";
            }
        }
        return null;
    }

    private static boolean safeUrl(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            return true;
        }
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    /** Undoes the character references the sanitizer writes, so an encoded scheme is seen for what it is. */
    private static String decode(String value) {
        Matcher reference = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
            reference.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        reference.appendTail(out);
        return out.toString()
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
