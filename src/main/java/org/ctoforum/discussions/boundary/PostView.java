package org.ctoforum.discussions.boundary;

import java.io.Serializable;

/**
 * A post as one reader may see it. {@code html} is the sanitized rendering, empty when the post is deleted or hidden
 * from this reader; {@code author} is the display name, or "A participant" in a Chatham House thread, and null on a
 * placeholder. {@code mine} tells readers their own posts, also in a Chatham House thread.
 */
public record PostView(
        long id,
        String html,
        String author,
        String createdAt,
        Long replyTo,
        String editedAt,
        String status,
        boolean mine,
        boolean canEdit,
        int depth)
        implements Serializable {

    public boolean placeholder() {
        return html.isEmpty();
    }
}
