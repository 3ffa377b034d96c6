package org.ctoforum.discussions.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to the discussion list, relative to the discussions folder, for the links the list and thread pages repeat.
 * Built here rather than with {@code h:link}, which resolves its outcome through the navigation rules on every
 * render: a tenth of the list page's rendering.
 */
@Named
@ApplicationScoped
public class DiscussionLinks {

    /** The list, by category slug and tag; either may be null or blank. */
    public String list(String category, String tag) {
        StringBuilder href = new StringBuilder("index.xhtml");
        if (category != null && !category.isBlank()) {
            href.append("?category=").append(URLEncoder.encode(category, StandardCharsets.UTF_8));
        }
        if (tag != null && !tag.isBlank()) {
            href.append(href.indexOf("?") < 0 ? '?' : '&')
                    .append("tag=")
                    .append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return href.toString();
    }
}
