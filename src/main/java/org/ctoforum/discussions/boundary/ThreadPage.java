package org.ctoforum.discussions.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A thread with one page of its posts, oldest first. {@code next} is the {@code after} value for the next page, null
 * on the last. {@code sessionLink} is the page of the forum session the thread is about; {@code section} the report
 * section it is about. {@code posts} is flat; {@code replyTo} and {@code depth} let a client draw replies under their posts.
 */
public record ThreadPage(
        long id,
        String title,
        long categoryId,
        String categorySlug,
        String categoryName,
        boolean chathamHouse,
        String author,
        String status,
        boolean pinned,
        boolean locked,
        List<String> tags,
        Long sessionId,
        String sessionTitle,
        String sessionLink,
        SectionLink section,
        String createdAt,
        int postCount,
        List<PostView> posts,
        Long next,
        Long firstUnread,
        String watchLevel,
        boolean canReply,
        boolean canModerate)
        implements Serializable {}
