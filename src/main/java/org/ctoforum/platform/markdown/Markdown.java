package org.ctoforum.platform.markdown;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown from users, made safe to show: commonmark-java renders it with raw HTML escaped, then the OWASP sanitizer
 * keeps only formatting, lists, tables, code and http(s)/mailto links. Both steps, because either alone has had
 * holes.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br", "del")
                    .toFactory());

    /** Safe HTML for the Markdown; null and blank give an empty string. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** The words of the Markdown without its markup: what search indexes and shows in snippets. */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(PARSER.parse(markdown));
    }

    private Markdown() {}
}
