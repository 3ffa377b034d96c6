package org.ctoforum.discussions.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A thread in a short list, such as the home page's. {@code recentPosts} counts visible posts of the last
 * {@link ThreadLists#ACTIVE_DAYS} days; {@code unread} is set only in a reader's list of unread threads, and then
 * {@code url} leads to the first unread post.
 */
public record ThreadTeaser(
        long id,
        String title,
        String categoryName,
        String categorySlug,
        int replies,
        OffsetDateTime lastPostAt,
        long recentPosts,
        Long unread,
        String url)
        implements Serializable {

    static String url(long thread, Long firstUnread) {
        String url = "/discussions/thread.xhtml?id=" + thread;
        return firstUnread == null ? url : url + "&after=" + (firstUnread - 1) + "#post-" + firstUnread;
    }
}
