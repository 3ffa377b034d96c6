package org.ctoforum.platform.searchable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One searchable item, as the index keeps it. {@code title} and {@code summary} are public to whoever may see the
 * item; {@code body} is the text only {@code readableBy} may search or see in snippets (a gated PDF, session notes).
 * The key sets hold {@link ReaderKeys}.
 */
public record SearchDocument(
        String type,
        long id,
        String parent,
        String title,
        boolean titleSearched,
        String summary,
        String body,
        String url,
        LocalDate date,
        String access,
        boolean gated,
        Set<String> visibleTo,
        Set<String> readableBy,
        String theme,
        Integer year,
        Set<String> topics,
        String author,
        OffsetDateTime releaseAt) {

    public String key() {
        return key(type, id);
    }

    public static String key(String type, long id) {
        return type + ":" + id;
    }

    public static Builder of(String type, long id) {
        return new Builder(type, id);
    }

    /** Every field but type and id is optional; a missing text is empty, missing keys mean nobody. */
    public static final class Builder {
        private final String type;
        private final long id;
        private String parent;
        private String title = "";
        private boolean titleSearched = true;
        private String summary = "";
        private String body = "";
        private String url = "";
        private LocalDate date;
        private String access = "public";
        private boolean gated;
        private final Set<String> visibleTo = new LinkedHashSet<>();
        private final Set<String> readableBy = new LinkedHashSet<>();
        private String theme;
        private Integer year;
        private final Set<String> topics = new LinkedHashSet<>();
        private String author;
        private OffsetDateTime releaseAt;

        private Builder(String type, long id) {
            this.type = type;
            this.id = id;
        }

        public Builder parent(String parentKey) {
            this.parent = parentKey;
            return this;
        }

        public Builder title(String title) {
            this.title = title == null ? "" : title;
            return this;
        }

        /** A title to show that search does not match, such as a reply's thread title. */
        public Builder shownTitle(String title) {
            this.title = title == null ? "" : title;
            this.titleSearched = false;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary == null ? "" : summary;
            return this;
        }

        public Builder body(String body) {
            this.body = body == null ? "" : body;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        /** Who sees the item and who reads its text; a gated item shows locked to the others. */
        public Builder access(String label, boolean gated, Set<String> visibleTo, Set<String> readableBy) {
            this.access = label;
            this.gated = gated;
            this.visibleTo.addAll(visibleTo);
            this.readableBy.addAll(readableBy);
            return this;
        }

        public Builder theme(String theme) {
            this.theme = theme;
            return this;
        }

        public Builder year(Integer year) {
            this.year = year;
            return this;
        }

        public Builder topics(Iterable<String> topics) {
            topics.forEach(topic -> {
                if (topic != null && !topic.isBlank()) {
                    this.topics.add(topic);
                }
            });
            return this;
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder releaseAt(OffsetDateTime releaseAt) {
            this.releaseAt = releaseAt;
            return this;
        }

        public SearchDocument build() {
            return new SearchDocument(
                    type,
                    id,
                    parent,
                    title,
                    titleSearched,
                    summary,
                    body,
                    url,
                    date,
                    access,
                    gated,
                    Set.copyOf(visibleTo),
                    Set.copyOf(readableBy),
                    theme,
                    year,
                    Set.copyOf(topics),
                    author,
                    releaseAt);
        }
    }
}
