package org.ctoforum.discussions.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A line of the thread list. {@code unread} and {@code firstUnread} are for signed-in readers: a thread never opened
 * counts all its posts as unread and is {@code fresh}. {@code reportId} and {@code sectionAnchor} name the report
 * section a thread is about.
 */
public record ThreadSummary(
        long id,
        String title,
        long categoryId,
        String categorySlug,
        String categoryName,
        boolean chathamHouse,
        String author,
        boolean pinned,
        boolean locked,
        int posts,
        String lastPostAt,
        List<String> tags,
        Long sessionId,
        Long reportId,
        String sectionAnchor,
        Long unread,
        Long firstUnread,
        boolean fresh)
        implements Serializable {}
