package org.ctoforum.forums.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.ctoforum.forums.boundary.EditionView;
import org.ctoforum.forums.boundary.Editions;
import org.ctoforum.forums.boundary.Schedule;
import org.ctoforum.forums.boundary.SessionView;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;

/** Staff plan an edition here: its details, rooms and sessions, with conflicts shown before saving. */
@Named
@ViewScoped
public class EditionAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Editions editions;

    @Inject
    Schedule schedule;

    private Long id;
    private EditionView edition;
    private List<Editions.RoomView> rooms = List.of();
    private List<SessionView> sessions = List.of();

    // The edition form
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    private String timeZone = "America/New_York";
    private String format = "IN_PERSON";
    private String venue;
    private Integer capacity = 60;
    private String status = "DRAFT";

    // The room form
    private String roomName;
    private Integer roomCapacity;
    private String roomLink;

    private List<String> topics;
    private String newTopic;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            edition = editions.get(id);
            title = edition.title();
            startDate = edition.startDate();
            endDate = edition.endDate();
            timeZone = edition.timeZone();
            format = edition.format();
            venue = edition.venue();
            capacity = edition.capacity();
            status = edition.status();
            refresh();
        } catch (ProblemException e) {
            PageMessages.error(e.detail());
        }
    }

    /** Reloads rooms and sessions; the session editor calls it after a save. */
    void refresh() {
        rooms = editions.rooms(id);
        sessions = schedule.list(id);
    }

    private Editions.EditionForm editionForm() {
        return new Editions.EditionForm(
                title,
                startDate == null ? null : startDate.toString(),
                endDate == null ? null : endDate.toString(),
                timeZone,
                format,
                venue,
                capacity,
                status,
                null,
                null);
    }

    public String saveEdition() {
        if (id == null) {
            EditionView[] created = new EditionView[1];
            if (PageMessages.attempt(() -> created[0] = editions.create(editionForm()))) {
                return "/admin/edition.xhtml?faces-redirect=true&id=" + created[0].id();
            }
            return null;
        }
        if (PageMessages.attempt(() -> edition = editions.update(id, editionForm()))) {
            PageMessages.info("Saved.");
        }
        return null;
    }

    public String copyEdition() {
        EditionView[] created = new EditionView[1];
        if (PageMessages.attempt(() -> created[0] = editions.copyStructure(
                id,
                new Editions.EditionForm(
                        "Copy of " + title,
                        startDate.plusYears(1).toString(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))) {
            return "/admin/edition.xhtml?faces-redirect=true&id=" + created[0].id();
        }
        return null;
    }

    public void addRoom() {
        if (PageMessages.attempt(() -> editions.addRoom(id, new Editions.RoomForm(roomName, roomCapacity, roomLink)))) {
            PageMessages.info("Room " + roomName + " added.");
            roomName = null;
            roomCapacity = null;
            roomLink = null;
            refresh();
        }
    }

    public void addTopic() {
        if (PageMessages.attempt(() -> editions.addTopic(newTopic))) {
            PageMessages.info("Topic \"" + newTopic.strip() + "\" added.");
            newTopic = null;
            topics = null;
        }
    }

    public List<String> getTopics() {
        if (topics == null) {
            topics = editions.topics();
        }
        return topics;
    }

    public String getNewTopic() {
        return newTopic;
    }

    public void setNewTopic(String newTopic) {
        this.newTopic = newTopic;
    }

    public void cancelSession(long sid) {
        if (PageMessages.attempt(() -> schedule.cancel(id, sid))) {
            PageMessages.info("The session is cancelled.");
            refresh();
        }
    }

    public List<String> getTimeZones() {
        return List.of(
                "America/New_York",
                "America/Chicago",
                "America/Denver",
                "America/Phoenix",
                "America/Los_Angeles",
                "America/Anchorage",
                "Pacific/Honolulu",
                "UTC");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public EditionView getEdition() {
        return edition;
    }

    public List<Editions.RoomView> getRooms() {
        return rooms;
    }

    public List<SessionView> getSessions() {
        return sessions;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

    public Integer getRoomCapacity() {
        return roomCapacity;
    }

    public void setRoomCapacity(Integer roomCapacity) {
        this.roomCapacity = roomCapacity;
    }

    public String getRoomLink() {
        return roomLink;
    }

    public void setRoomLink(String roomLink) {
        this.roomLink = roomLink;
    }
}
