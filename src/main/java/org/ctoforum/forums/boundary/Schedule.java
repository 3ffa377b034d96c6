package org.ctoforum.forums.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.forums.control.ChangeNotices;
import org.ctoforum.forums.control.ScheduleRules;
import org.ctoforum.forums.control.SessionViews;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.forums.entity.Room;
import org.ctoforum.forums.entity.SessionChange;
import org.ctoforum.forums.entity.SessionType;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/**
 * Sessions of an edition. Scheduling takes a lock on the edition, so two staff saving at once cannot both take the
 * same room. Once an edition is published, every change is logged and mailed to those who have the session on
 * their agenda.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Schedule {

    private static final Logger LOG = Logger.getLogger(Schedule.class.getName());
    static final int MAX_MARKDOWN = 20_000;

    /** What staff give for a session; start and end are local date-times in the edition's zone. */
    public record SessionForm(
            String title,
            String type,
            String topic,
            String start,
            String end,
            Long roomId,
            List<String> facilitatorEmails,
            Integer capacity,
            String abstractMarkdown,
            String scribeEmail) {}

    /** The answer of a dry run: whether the session would fit, and if not, why. */
    public record Check(boolean ok, String problem, Long conflictingSessionId, String conflictingSessionTitle)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Editions editions;

    @Inject
    People people;

    @Inject
    ChangeNotices notices;

    @Inject
    SessionViews views;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public List<SessionView> list(long editionId) {
        editions.visible(editionId);
        List<ForumSession> sessions = em.createQuery(
                        "select s from ForumSession s where s.editionId = :e order by s.start, s.id",
                        ForumSession.class)
                .setParameter("e", editionId)
                .getResultList();
        return views.of(sessions);
    }

    public SessionView get(long editionId, long sessionId) {
        editions.visible(editionId);
        return views.of(List.of(find(editionId, sessionId))).get(0);
    }

    /** A session as staff entered it, to edit: with facilitators' emails, which the public view leaves out. */
    @RolesAllowed(Role.Names.STAFF)
    public SessionForm form(long editionId, long sessionId) {
        ForumSession session = find(editionId, sessionId);
        String scribe = session.getScribeId() == null
                ? null
                : people.byIds(List.of(session.getScribeId()))
                        .get(session.getScribeId())
                        .email();
        List<String> emails = people.byIds(session.getFacilitators()).values().stream()
                .map(People.Person::email)
                .sorted()
                .toList();
        return new SessionForm(
                session.getTitle(),
                session.getType().name(),
                session.getTopic(),
                session.getStart().toString(),
                session.getEnd().toString(),
                session.getRoomId(),
                emails,
                session.getCapacity(),
                session.getAbstractMarkdown(),
                scribe);
    }

    /** Tells whether the session would fit, without saving: the staff page shows this before saving. */
    @RolesAllowed(Role.Names.STAFF)
    public Check check(long editionId, Long sessionId, SessionForm form) {
        try {
            Edition edition = editions.find(editionId);
            Placement placement = place(edition, form);
            ForumSession probe = Editions.schedule(() -> new ForumSession(edition, form.title(), placement.type));
            Editions.schedule(
                    () -> probe.schedule(edition, placement.room, placement.start, placement.end, form.capacity()));
            var candidate = new ScheduleRules.Slot(
                    sessionId,
                    form.title(),
                    placement.room.getId(),
                    placement.start,
                    placement.end,
                    placement.facilitators);
            return ScheduleRules.firstConflict(candidate, slots(editionId))
                    .map(c -> new Check(
                            false, c.reason(), c.with().sessionId(), c.with().title()))
                    .orElse(new Check(true, null, null, null));
        } catch (ProblemException problem) {
            return new Check(false, problem.detail(), null, null);
        }
    }

    @RolesAllowed(Role.Names.STAFF)
    public SessionView create(long editionId, SessionForm form) {
        Edition edition = lockEdition(editionId);
        Placement placement = place(edition, form);
        ForumSession session = Editions.schedule(() -> new ForumSession(edition, form.title(), placement.type));
        session.describe(placement.topic, placement.abstractMarkdown, Markdown.toSafeHtml(placement.abstractMarkdown));
        Editions.schedule(
                () -> session.schedule(edition, placement.room, placement.start, placement.end, form.capacity()));
        session.assignFacilitators(placement.facilitators);
        session.assignScribe(placement.scribe);
        refuseConflicts(session, editionId);
        em.persist(session);
        em.flush();
        if (edition.published()) {
            notices.record(session, SessionChange.Kind.ADDED, "Added: " + describe(session, placement.room));
        }
        changes.fire(ContentChanged.of(Content.SESSION, session.getId()));
        LOG.info(() -> "Account " + caller.requireAccountId() + " scheduled session " + session.getId() + " in edition "
                + editionId);
        return views.of(List.of(session)).get(0);
    }

    @RolesAllowed(Role.Names.STAFF)
    public SessionView update(long editionId, long sessionId, SessionForm form) {
        Edition edition = lockEdition(editionId);
        ForumSession session = find(editionId, sessionId);
        if (session.isCancelled()) {
            throw new ProblemException(
                    ProblemType.SESSION_CANCELLED, "This session is cancelled; schedule a new one instead.");
        }
        Placement placement = place(edition, form);
        Room before = em.find(Room.class, session.getRoomId());
        String was = describe(session, before);
        Editions.schedule(() -> {
            session.rename(form.title(), placement.type);
            return session;
        });
        session.describe(placement.topic, placement.abstractMarkdown, Markdown.toSafeHtml(placement.abstractMarkdown));
        boolean moved = Editions.schedule(
                () -> session.schedule(edition, placement.room, placement.start, placement.end, form.capacity()));
        session.assignFacilitators(placement.facilitators);
        session.assignScribe(placement.scribe);
        refuseConflicts(session, editionId);
        if (edition.published()) {
            notices.record(
                    session,
                    moved ? SessionChange.Kind.MOVED : SessionChange.Kind.UPDATED,
                    (moved ? "Moved: " : "Updated: ")
                            + describe(session, placement.room)
                            + (moved ? " (was " + was + ")" : ""));
        }
        changes.fire(ContentChanged.of(Content.SESSION, sessionId));
        return views.of(List.of(session)).get(0);
    }

    /** A draft's session is deleted; a published one's is cancelled, so attendees see what happened. */
    @RolesAllowed(Role.Names.STAFF)
    public void cancel(long editionId, long sessionId) {
        Edition edition = lockEdition(editionId);
        ForumSession session = find(editionId, sessionId);
        changes.fire(ContentChanged.of(Content.SESSION, sessionId));
        if (!edition.published()) {
            em.remove(session);
            return;
        }
        if (!session.isCancelled()) {
            session.cancel();
            notices.record(
                    session,
                    SessionChange.Kind.CANCELLED,
                    "Cancelled: " + describe(session, em.find(Room.class, session.getRoomId())));
            em.createQuery("select r from Registration r where r.sessionId = :s and r.status <> :c", Registration.class)
                    .setParameter("s", sessionId)
                    .setParameter("c", Registration.Status.CANCELLED)
                    .getResultStream()
                    .forEach(r -> r.cancel(OffsetDateTime.now(clock)));
        }
    }

    /** Notes after the session, by staff or the scribe staff assigned. Members read them. */
    public SessionView recordNotes(long editionId, long sessionId, String markdown) {
        caller.requireAccountId();
        ForumSession session = find(editionId, sessionId);
        requireNoteWriter(session);
        if (markdown != null && markdown.length() > MAX_MARKDOWN) {
            throw ProblemException.tooLarge("Notes are limited to " + MAX_MARKDOWN + " characters.");
        }
        session.recordNotes(markdown, Markdown.toSafeHtml(markdown));
        changes.fire(ContentChanged.of(Content.SESSION, sessionId));
        return views.of(List.of(session)).get(0);
    }

    /** The Markdown of a session's notes, for the one who may write them: staff or the assigned scribe. */
    public String notesFor(long editionId, long sessionId) {
        ForumSession session = find(editionId, sessionId);
        requireNoteWriter(session);
        return session.getNotesMarkdown() == null ? "" : session.getNotesMarkdown();
    }

    private void requireNoteWriter(ForumSession session) {
        long author = caller.requireAccountId();
        if (!caller.staff() && !Long.valueOf(author).equals(session.getScribeId())) {
            throw ProblemException.forbidden("Only staff or the session's scribe may write its notes.");
        }
    }

    @RolesAllowed(Role.Names.STAFF)
    public SessionView assignScribe(long editionId, long sessionId, String email) {
        ForumSession session = find(editionId, sessionId);
        var scribe = people.byEmail(email).orElseThrow(() -> ProblemException.notFound("An account for " + email));
        session.assignScribe(scribe.id());
        return views.of(List.of(session)).get(0);
    }

    /**
     * When the edition's agenda last changed: its publication or its latest logged change, as every change after
     * publication is logged. Empty for a draft, whose changes are not.
     */
    public Optional<Instant> agendaChangedAt(long editionId) {
        return agendaChangedAt(editions.visible(editionId));
    }

    /** The same, for an edition the caller has already been allowed to see. */
    public Optional<Instant> agendaChangedAt(Edition edition) {
        if (edition.getPublishedAt() == null) {
            return Optional.empty();
        }
        OffsetDateTime latest = em.createQuery(
                        "select max(c.changedAt) from SessionChange c where c.editionId = :e", OffsetDateTime.class)
                .setParameter("e", edition.getId())
                .getSingleResult();
        Instant published = edition.getPublishedAt().toInstant();
        return Optional.of(latest == null || latest.toInstant().isBefore(published) ? published : latest.toInstant());
    }

    public List<SessionChange> changes(long editionId) {
        editions.visible(editionId);
        return em.createQuery(
                        "select c from SessionChange c where c.editionId = :e order by c.changedAt desc, c.id desc",
                        SessionChange.class)
                .setParameter("e", editionId)
                .setMaxResults(200)
                .getResultList();
    }

    private record Placement(
            Room room,
            LocalDateTime start,
            LocalDateTime end,
            SessionType type,
            String topic,
            String abstractMarkdown,
            Set<Long> facilitators,
            Long scribe) {}

    private Placement place(Edition edition, SessionForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {title, start, end, roomId, facilitatorEmails}.");
        }
        if (form.roomId() == null) {
            throw ProblemException.badRequest("roomId is required.");
        }
        Room room = em.find(Room.class, form.roomId());
        if (room == null || !room.getEditionId().equals(edition.getId())) {
            throw ProblemException.notFound("Room " + form.roomId() + " of edition " + edition.getId());
        }
        SessionType type;
        try {
            type = form.type() == null
                    ? SessionType.ROUNDTABLE
                    : SessionType.valueOf(form.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("type must be KEYNOTE, ROUNDTABLE, WORKSHOP or UNDISCUSSABLES_CIRCLE.");
        }
        String topic = form.topic();
        if (topic != null
                && !topic.isBlank()
                && em.createQuery("select count(t) from Topic t where t.name = :n", Long.class)
                                .setParameter("n", topic.strip())
                                .getSingleResult()
                        == 0) {
            throw ProblemException.badRequest("Unknown topic '" + topic + "'; staff add topics first.");
        }
        if (form.abstractMarkdown() != null && form.abstractMarkdown().length() > MAX_MARKDOWN) {
            throw ProblemException.tooLarge("An abstract is limited to " + MAX_MARKDOWN + " characters.");
        }
        Set<Long> facilitators = new LinkedHashSet<>();
        for (String email : form.facilitatorEmails() == null ? List.<String>of() : form.facilitatorEmails()) {
            facilitators.add(people.byEmail(email)
                    .orElseThrow(() -> ProblemException.badRequest("No account has the email '" + email + "'."))
                    .id());
        }
        Long scribe = form.scribeEmail() == null || form.scribeEmail().isBlank()
                ? null
                : people.byEmail(form.scribeEmail())
                        .orElseThrow(() ->
                                ProblemException.badRequest("No account has the email '" + form.scribeEmail() + "'."))
                        .id();
        return new Placement(
                room,
                dateTime("start", form.start()),
                dateTime("end", form.end()),
                type,
                topic,
                form.abstractMarkdown(),
                facilitators,
                scribe);
    }

    private void refuseConflicts(ForumSession session, long editionId) {
        ScheduleRules.firstConflict(slot(session), slots(editionId)).ifPresent(conflict -> {
            throw new ProblemException(
                    ProblemType.SCHEDULE_CONFLICT,
                    conflict.reason(),
                    Map.of(
                            "conflictingSessionId",
                            conflict.with().sessionId(),
                            "conflictingSession",
                            conflict.with().title()));
        });
    }

    private List<ScheduleRules.Slot> slots(long editionId) {
        return em.createQuery(
                        "select s from ForumSession s where s.editionId = :e and s.cancelled = false",
                        ForumSession.class)
                .setParameter("e", editionId)
                .getResultStream()
                .map(Schedule::slot)
                .toList();
    }

    private static ScheduleRules.Slot slot(ForumSession s) {
        return new ScheduleRules.Slot(
                s.getId(), s.getTitle(), s.getRoomId(), s.getStart(), s.getEnd(), s.getFacilitators());
    }

    private static String describe(ForumSession session, Room room) {
        return "\"" + session.getTitle() + "\", " + session.getStart().toLocalDate() + " "
                + session.getStart().toLocalTime() + " to " + session.getEnd().toLocalTime() + " in " + room.getName();
    }

    private Edition lockEdition(long editionId) {
        Edition edition = em.find(Edition.class, editionId, LockModeType.PESSIMISTIC_WRITE);
        if (edition == null) {
            throw ProblemException.notFound("Edition " + editionId);
        }
        return edition;
    }

    public ForumSession find(long editionId, long sessionId) {
        ForumSession session = em.find(ForumSession.class, sessionId);
        if (session == null || session.getEditionId() != editionId) {
            throw ProblemException.notFound("Session " + sessionId + " of edition " + editionId);
        }
        return session;
    }

    private static LocalDateTime dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required, as a local date-time such as 2027-03-15T09:00.");
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    field + " '" + value + "' is not a local date-time such as 2027-03-15T09:00.");
        }
    }
}
