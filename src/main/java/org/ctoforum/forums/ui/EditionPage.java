package org.ctoforum.forums.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctoforum.forums.boundary.Agendas;
import org.ctoforum.forums.boundary.EditionView;
import org.ctoforum.forums.boundary.Editions;
import org.ctoforum.forums.boundary.RegistrationView;
import org.ctoforum.forums.boundary.Registrations;
import org.ctoforum.forums.boundary.Schedule;
import org.ctoforum.forums.boundary.SessionView;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.PageMessages;

/** One edition: details, registration, the agenda as a grid or a list, and the change log. */
@Named
@ViewScoped
public class EditionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Editions editions;

    @Inject
    Schedule schedule;

    @Inject
    Registrations registrations;

    @Inject
    Agendas agendas;

    @Inject
    Caller caller;

    private long id;
    private EditionView edition;
    private List<SessionView> sessions;
    private List<AgendaGrid.Day> days;
    private RegistrationView registration;
    private Set<Long> picked = Set.of();
    private List<Change> changes;

    /** A published change as the page lists it: what the page needs, not the entity, so the view serializes. */
    public record Change(OffsetDateTime changedAt, String description) implements Serializable {}

    private boolean missing;

    public void load() {
        try {
            edition = editions.get(id);
            sessions = schedule.list(id);
            days = AgendaGrid.layout(sessions, editions.rooms(id));
            changes = edition.status().equals("DRAFT")
                    ? List.of()
                    : schedule.changes(id).stream()
                            .map(change -> new Change(change.getChangedAt(), change.getDescription()))
                            .toList();
            refreshMine();
        } catch (ProblemException notFound) {
            missing = true;
        }
    }

    private void refreshMine() {
        registration = registrations.mine(id).orElse(null);
        picked = caller.is(Role.MEMBER)
                ? agendas.mine().stream().map(e -> e.session().id()).collect(Collectors.toSet())
                : Set.of();
    }

    public void register() {
        if (PageMessages.attempt(() -> registration = registrations.register(id))) {
            PageMessages.info(
                    registration.status().equals("REGISTERED")
                            ? "You are registered. See you at the forum!"
                            : "The forum is full; you are number " + registration.position() + " on the waitlist."
                                    + " We will mail you when a place opens.");
            edition = editions.get(id);
        }
    }

    public void cancelRegistration() {
        if (PageMessages.attempt(() -> registrations.cancel(id))) {
            PageMessages.info("Your registration is cancelled.");
            registration = null;
            edition = editions.get(id);
        }
    }

    public void pick(long sessionId) {
        PageMessages.attempt(() -> {
            Agendas.Entry entry = agendas.pick(sessionId);
            if (!entry.overlapsWith().isEmpty()) {
                PageMessages.warn(
                        "Added to your agenda, but it overlaps " + String.join(", ", entry.overlapsWith()) + ".");
            } else if (entry.seat() != null && entry.seat().status().equals("WAITLISTED")) {
                PageMessages.warn(
                        "The session is full; you are number " + entry.seat().position() + " on its waitlist.");
            } else {
                PageMessages.info("Added to your agenda.");
            }
        });
        refreshMine();
        sessions = schedule.list(id);
    }

    public void unpick(long sessionId) {
        PageMessages.attempt(() -> agendas.unpick(sessionId));
        refreshMine();
        sessions = schedule.list(id);
    }

    public boolean isPicked(long sessionId) {
        return picked.contains(sessionId);
    }

    public boolean isMember() {
        return caller.is(Role.MEMBER);
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public EditionView getEdition() {
        return edition;
    }

    public List<SessionView> getSessions() {
        return sessions;
    }

    public List<AgendaGrid.Day> getDays() {
        return days;
    }

    public RegistrationView getRegistration() {
        return registration;
    }

    public List<Change> getChanges() {
        return changes;
    }

    public boolean isMissing() {
        return missing;
    }
}
