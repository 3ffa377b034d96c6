package org.ctoforum.forums.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.forums.boundary.Schedule;
import org.ctoforum.platform.web.PageMessages;

/** The session form on the staff planning page: a live conflict check, then save. */
@Named
@ViewScoped
public class SessionEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Schedule schedule;

    @Inject
    EditionAdminPage page;

    private Long sessionId;
    private String title;
    private String type = "ROUNDTABLE";
    private String topic;
    private LocalDateTime start;
    private LocalDateTime end;
    private Long roomId;
    private String facilitatorEmails;
    private Integer capacity;
    private String abstractMarkdown;
    private String scribeEmail;
    private Schedule.Check check;

    private Schedule.SessionForm form() {
        List<String> emails = facilitatorEmails == null
                ? List.of()
                : Arrays.stream(facilitatorEmails.split("[,;\\s]+"))
                        .filter(email -> !email.isBlank())
                        .toList();
        return new Schedule.SessionForm(
                title,
                type,
                topic,
                start == null ? null : start.toString(),
                end == null ? null : end.toString(),
                roomId,
                emails,
                capacity,
                abstractMarkdown,
                scribeEmail);
    }

    /** Runs on every change of the form, so a conflict shows before anyone presses Save. */
    public void check() {
        check = schedule.check(page.getId(), sessionId, form());
    }

    public void save() {
        boolean saved = PageMessages.attempt(() -> {
            if (sessionId == null) {
                schedule.create(page.getId(), form());
            } else {
                schedule.update(page.getId(), sessionId, form());
            }
        });
        if (saved) {
            PageMessages.info("Session \"" + title + "\" saved.");
            clear();
            page.refresh();
        }
    }

    /** Loads a session as staff entered it: facilitators' emails and the abstract's Markdown included. */
    public void edit(long id) {
        Schedule.SessionForm stored = schedule.form(page.getId(), id);
        sessionId = id;
        title = stored.title();
        type = stored.type();
        topic = stored.topic();
        start = LocalDateTime.parse(stored.start());
        end = LocalDateTime.parse(stored.end());
        roomId = stored.roomId();
        facilitatorEmails = String.join(", ", stored.facilitatorEmails());
        capacity = stored.capacity();
        abstractMarkdown = stored.abstractMarkdown();
        scribeEmail = stored.scribeEmail();
        check = null;
    }

    public void clear() {
        sessionId = null;
        title = null;
        topic = null;
        start = null;
        end = null;
        capacity = null;
        abstractMarkdown = null;
        facilitatorEmails = null;
        scribeEmail = null;
        check = null;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public void setStart(LocalDateTime start) {
        this.start = start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(LocalDateTime end) {
        this.end = end;
    }

    public Long getRoomId() {
        return roomId;
    }

    public void setRoomId(Long roomId) {
        this.roomId = roomId;
    }

    public String getFacilitatorEmails() {
        return facilitatorEmails;
    }

    public void setFacilitatorEmails(String facilitatorEmails) {
        this.facilitatorEmails = facilitatorEmails;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getAbstractMarkdown() {
        return abstractMarkdown;
    }

    public void setAbstractMarkdown(String abstractMarkdown) {
        this.abstractMarkdown = abstractMarkdown;
    }

    public String getScribeEmail() {
        return scribeEmail;
    }

    public void setScribeEmail(String scribeEmail) {
        this.scribeEmail = scribeEmail;
    }

    public Schedule.Check getCheck() {
        return check;
    }
}
