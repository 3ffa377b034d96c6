package org.ctoforum.library.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.library.boundary.Library;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;

/** One library entry; for staff also its editor, or an empty one for a new entry (no slug). */
@Named
@ViewScoped
public class LibraryEntryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Library library;

    private String slug;
    private Library.EntryView entry;
    private boolean missing;
    private String title;
    private String summary;
    private String body;
    private String challengeArea;
    private String tags;
    private String source;
    private String access = "MEMBERS";

    public void load() {
        if (slug == null || slug.isBlank()) {
            return;
        }
        try {
            entry = library.bySlug(slug);
            title = entry.title();
            summary = entry.summary();
            body = entry.body();
            challengeArea = entry.challengeArea();
            tags = String.join(", ", entry.tags());
            source = entry.source();
            access = entry.access();
        } catch (ProblemException notFound) {
            missing = true;
        }
    }

    public void save() {
        Library.EntryForm form = new Library.EntryForm(
                title,
                summary,
                body,
                challengeArea,
                tags == null || tags.isBlank()
                        ? List.of()
                        : Arrays.stream(tags.split(","))
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .toList(),
                source,
                access);
        if (PageMessages.attempt(
                () -> entry = entry == null ? library.create(form) : library.update(entry.id(), form))) {
            redirect("/library/entry.xhtml?slug=" + entry.slug(), "Saved.");
        }
    }

    public void delete() {
        if (PageMessages.attempt(() -> library.delete(entry.id()))) {
            redirect("/library/index.xhtml", "Entry deleted.");
        }
    }

    private static void redirect(String path, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        PageMessages.info(message);
        try {
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Library.EntryView getEntry() {
        return entry;
    }

    public boolean isMissing() {
        return missing;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getChallengeArea() {
        return challengeArea;
    }

    public void setChallengeArea(String challengeArea) {
        this.challengeArea = challengeArea;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }
}
