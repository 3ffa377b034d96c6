package org.ctoforum.forums.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ctoforum.forums.boundary.Schedule;
import org.ctoforum.forums.boundary.SessionView;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;

/** The scribe's page: Markdown notes of one session, which members then read on the forum page. */
@Named
@ViewScoped
public class NotesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Schedule schedule;

    private long edition;
    private long session;
    private SessionView view;
    private String markdown;
    private boolean allowed;

    public void load() {
        try {
            view = schedule.get(edition, session);
            markdown = schedule.notesFor(edition, session);
            allowed = true;
        } catch (ProblemException problem) {
            PageMessages.error(problem.detail());
        }
    }

    public void save() {
        if (PageMessages.attempt(() -> view = schedule.recordNotes(edition, session, markdown))) {
            PageMessages.info("The notes are saved; members can read them on the forum page.");
        }
    }

    public long getEdition() {
        return edition;
    }

    public void setEdition(long edition) {
        this.edition = edition;
    }

    public long getSession() {
        return session;
    }

    public void setSession(long session) {
        this.session = session;
    }

    public SessionView getView() {
        return view;
    }

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
    }

    public boolean isAllowed() {
        return allowed;
    }
}
