package org.ctoforum.search.boundary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.discussions.entity.Post;
import org.ctoforum.discussions.entity.Visibility;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.library.entity.LibraryEntry;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportSection;
import org.ctoforum.search.control.ReaderKeys;
import org.ctoforum.search.control.SearchDocument;

/**
 * What each kind of content looks like in the index, and who may find it. These rules mirror the pages': a
 * report's title and summary are public once released while its PDF text is for members and grantees; library
 * entries likewise; session notes are for members; a thread is found only by those who may read its category, and
 * a Chatham House thread carries no author at all.
 */
final class Documents {

    static final String REPORT = "report";
    static final String SECTION = "section";
    static final String LIBRARY = "library";
    static final String SESSION = "session";
    static final String THREAD = "thread";
    static final String POST = "post";

    /** Published reports go in even before their release; the search filters on the release moment. */
    static final Set<Report.Status> RELEASED = EnumSet.of(Report.Status.PUBLISHED, Report.Status.ARCHIVED);

    private static final Set<String> EVERYONE = Set.of(ReaderKeys.EVERYONE);
    private static final Set<String> MEMBERS = Set.of(ReaderKeys.MEMBERS);

    private Documents() {}

    static List<SearchDocument> report(
            Report report, String pdfText, List<Long> grantees, List<ReportSection> sections) {
        Set<String> readers = new LinkedHashSet<>();
        if (report.getAccess() == Access.PUBLIC) {
            readers.add(ReaderKeys.EVERYONE);
        } else {
            readers.add(ReaderKeys.MEMBERS);
            grantees.forEach(id -> readers.add(ReaderKeys.account(id)));
        }
        boolean gated = report.getAccess() != Access.PUBLIC;
        String access = gated ? "members" : "public";
        String theme = report.getTheme() == null ? null : report.getTheme().label();
        LocalDate date =
                report.getReleaseAt() == null ? null : report.getReleaseAt().toLocalDate();
        String url = "/reports/" + report.getSlug();
        List<SearchDocument> documents = new ArrayList<>();
        documents.add(SearchDocument.of(REPORT, report.getId())
                .title(report.getTitle())
                .summary(report.getSummary())
                .body(pdfText)
                .url(url)
                .date(date)
                .access(access, gated, EVERYONE, readers)
                .theme(theme)
                .year(report.getYear())
                .topics(report.getTopics())
                .releaseAt(report.getReleaseAt())
                .build());
        for (ReportSection section : sections) {
            // A section is the report's text: only its readers find it, and it never shows locked.
            documents.add(SearchDocument.of(SECTION, section.getId())
                    .parent(SearchDocument.key(REPORT, report.getId()))
                    .title(report.getTitle() + " — " + section.getHeading())
                    .body(Markdown.toPlainText(section.getMarkdown()))
                    .url(url + "#" + section.getAnchor())
                    .date(date)
                    .access(access, false, readers, readers)
                    .theme(theme)
                    .year(report.getYear())
                    .topics(report.getTopics())
                    .releaseAt(report.getReleaseAt())
                    .build());
        }
        return documents;
    }

    static SearchDocument libraryEntry(LibraryEntry entry) {
        boolean gated = entry.getAccess() == LibraryEntry.Access.MEMBERS;
        return SearchDocument.of(LIBRARY, entry.getId())
                .title(entry.getTitle())
                .summary(entry.getSummary())
                .body(Markdown.toPlainText(entry.getBodyMarkdown()))
                .url("/library/entry.xhtml?slug=" + entry.getSlug())
                .date(entry.getUpdatedAt().toLocalDate())
                .access(gated ? "members" : "public", gated, EVERYONE, gated ? MEMBERS : EVERYONE)
                .year(entry.getUpdatedAt().getYear())
                .topics(List.of(entry.getChallengeArea()))
                .build();
    }

    /** Sessions of published editions; a cancelled one is gone. The notes are for members. */
    static Optional<SearchDocument> session(ForumSession session, Edition edition) {
        if (edition == null || !edition.published() || session.isCancelled()) {
            return Optional.empty();
        }
        return Optional.of(SearchDocument.of(SESSION, session.getId())
                .title(session.getTitle())
                .summary(Markdown.toPlainText(session.getAbstractMarkdown()))
                .body(Markdown.toPlainText(session.getNotesMarkdown()))
                .url("/forums/edition.xhtml?id=" + edition.getId() + "#session-" + session.getId())
                .date(
                        session.getStart() == null
                                ? edition.getStartDate()
                                : session.getStart().toLocalDate())
                .access("public", false, EVERYONE, MEMBERS)
                .year(edition.getYear())
                .topics(session.getTopic() == null ? List.of() : List.of(session.getTopic()))
                .build());
    }

    /** A thread, searched by its title and opening post; the replies are posts of their own. */
    static Optional<SearchDocument> thread(
            DiscussionThread thread, Category category, Post first, Map<Long, String> names) {
        if (!thread.visible()) {
            return Optional.empty();
        }
        Set<String> readers = readers(category);
        return Optional.of(SearchDocument.of(THREAD, thread.getId())
                .title(thread.getTitle())
                .body(first != null && first.visible() ? Markdown.toPlainText(first.getBody()) : "")
                .url("/discussions/thread.xhtml?id=" + thread.getId())
                .date(thread.getCreatedAt().toLocalDate())
                .access(label(category), false, readers, readers)
                .year(thread.getCreatedAt().getYear())
                .topics(List.of(category.getName()))
                .author(thread.isChathamHouse() ? null : names.get(thread.getAuthorId()))
                .build());
    }

    static Optional<SearchDocument> post(
            Post post, DiscussionThread thread, Category category, Map<Long, String> names) {
        if (!post.visible() || !thread.visible()) {
            return Optional.empty();
        }
        Set<String> readers = readers(category);
        return Optional.of(SearchDocument.of(POST, post.getId())
                .parent(SearchDocument.key(THREAD, thread.getId()))
                .shownTitle(thread.getTitle())
                .body(Markdown.toPlainText(post.getBody()))
                .url("/discussions/thread.xhtml?id=" + thread.getId() + "&after=" + (post.getId() - 1) + "#post-"
                        + post.getId())
                .date(post.getCreatedAt().toLocalDate())
                .access(label(category), false, readers, readers)
                .year(post.getCreatedAt().getYear())
                .topics(List.of(category.getName()))
                .author(thread.isChathamHouse() ? null : names.get(post.getAuthorId()))
                .build());
    }

    private static Set<String> readers(Category category) {
        return Set.of(
                switch (category.getVisibility()) {
                    case PUBLIC -> ReaderKeys.EVERYONE;
                    case SIGNED_IN -> ReaderKeys.SIGNED_IN;
                    case MEMBERS -> ReaderKeys.MEMBERS;
                });
    }

    private static String label(Category category) {
        return category.getVisibility() == Visibility.SIGNED_IN
                ? "signed-in"
                : category.getVisibility().name().toLowerCase(Locale.ROOT);
    }
}
