package org.ctoforum.forums.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.Format;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.forums.entity.Room;
import org.ctoforum.forums.entity.ScheduleException;
import org.ctoforum.forums.entity.Topic;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/** Forum editions and their rooms: everyone reads published ones, staff plan them. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Editions {

    private static final Logger LOG = Logger.getLogger(Editions.class.getName());

    /** What staff give for an edition; {@code status} and the registration window are optional. */
    public record EditionForm(
            String title,
            String startDate,
            String endDate,
            String timeZone,
            String format,
            String venue,
            Integer capacity,
            String status,
            OffsetDateTime registrationOpens,
            OffsetDateTime registrationCloses) {}

    public record RoomForm(String name, Integer capacity, String virtualLink) {}

    public record RoomView(long id, String name, Integer capacity, String virtualLink) implements Serializable {
        static RoomView of(Room room) {
            return new RoomView(room.getId(), room.getName(), room.getCapacity(), room.getVirtualLink());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public List<EditionView> list() {
        List<Edition> editions = em.createQuery(
                        "select e from Edition e where e.status <> :hidden or :staff = true order by e.startDate desc",
                        Edition.class)
                .setParameter("hidden", Edition.Status.DRAFT)
                .setParameter("staff", caller.staff())
                .getResultList();
        return views(editions);
    }

    /** The next published edition that has not ended, for the home page. */
    public Optional<EditionView> next() {
        LocalDate today = LocalDate.now(clock);
        return em.createQuery(
                        "select e from Edition e where e.status = :published and e.endDate >= :today order by e.startDate",
                        Edition.class)
                .setParameter("published", Edition.Status.PUBLISHED)
                .setParameter("today", today)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(this::view);
    }

    public EditionView get(long id) {
        return view(visible(id));
    }

    /** The challenge areas sessions can be about, by name. */
    public List<String> topics() {
        return em.createQuery("select t.name from Topic t order by t.name", String.class)
                .getResultList();
    }

    /** Adds a topic beyond the seven challenge areas; adding one that exists answers 409. */
    @RolesAllowed(Role.Names.STAFF)
    public String addTopic(String name) {
        Topic topic = schedule(() -> new Topic(name));
        boolean exists = em.createQuery("select count(t) from Topic t where lower(t.name) = lower(:n)", Long.class)
                        .setParameter("n", topic.getName())
                        .getSingleResult()
                > 0;
        if (exists) {
            throw ProblemException.conflict("The topic \"" + topic.getName() + "\" exists already.");
        }
        em.persist(topic);
        LOG.info(() -> "Account " + caller.requireAccountId() + " added the topic \"" + topic.getName() + "\"");
        return topic.getName();
    }

    public List<RoomView> rooms(long editionId) {
        visible(editionId);
        return em.createQuery("select r from Room r where r.editionId = :e order by r.name", Room.class)
                .setParameter("e", editionId)
                .getResultStream()
                .map(RoomView::of)
                .toList();
    }

    @RolesAllowed(Role.Names.STAFF)
    public EditionView create(EditionForm form) {
        Parsed parsed = parse(form);
        Edition edition = schedule(() -> new Edition(
                form.title(), parsed.format, form.venue(), parsed.zone, parsed.start, parsed.end, form.capacity()));
        applyWindowAndStatus(edition, form);
        em.persist(edition);
        em.flush();
        LOG.info(() -> "Account " + caller.requireAccountId() + " created edition " + edition.getId() + " \""
                + edition.getTitle() + "\"");
        return view(edition);
    }

    @RolesAllowed(Role.Names.STAFF)
    public EditionView update(long id, EditionForm form) {
        Edition edition = find(id);
        Parsed parsed = parse(form);
        schedule(() -> {
            edition.describe(form.title(), parsed.format, form.venue());
            edition.reschedule(parsed.zone, parsed.start, parsed.end, form.capacity());
            return edition;
        });
        applyWindowAndStatus(edition, form);
        changes.fire(ContentChanged.of(Content.EDITION, id));
        return view(edition);
    }

    @RolesAllowed(Role.Names.STAFF)
    public RoomView addRoom(long editionId, RoomForm form) {
        find(editionId);
        if (form == null) {
            throw ProblemException.badRequest("Send {name, capacity} or {name, virtualLink}.");
        }
        boolean taken = !em.createQuery("select r from Room r where r.editionId = :e and r.name = :n", Room.class)
                .setParameter("e", editionId)
                .setParameter("n", form.name() == null ? "" : form.name().strip())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw ProblemException.conflict(
                    "This edition already has a room named \"" + form.name().strip() + "\".");
        }
        Room room = schedule(() -> new Room(editionId, form.name(), form.capacity(), form.virtualLink()));
        em.persist(room);
        em.flush();
        return RoomView.of(room);
    }

    /**
     * Starts the next edition from an earlier one: its rooms, and its sessions as slots at the same days and times
     * counted from the first day, without facilitators, notes or registrations.
     */
    @RolesAllowed(Role.Names.STAFF)
    public EditionView copyStructure(long fromId, EditionForm form) {
        Edition from = find(fromId);
        EditionForm complete = new EditionForm(
                form.title(),
                form.startDate(),
                form.endDate() != null
                        ? form.endDate()
                        : date("startDate", form.startDate())
                                .plusDays(ChronoUnit.DAYS.between(from.getStartDate(), from.getEndDate()))
                                .toString(),
                form.timeZone() != null ? form.timeZone() : from.getTimeZone(),
                form.format() != null ? form.format() : from.getFormat().name(),
                form.venue() != null ? form.venue() : from.getVenue(),
                form.capacity() != null ? form.capacity() : from.getCapacity(),
                "DRAFT",
                null,
                null);
        EditionView created = create(complete);
        Edition to = em.find(Edition.class, created.id());
        long shift = ChronoUnit.DAYS.between(from.getStartDate(), to.getStartDate());
        var roomIds = new java.util.HashMap<Long, Room>();
        for (Room room : em.createQuery("select r from Room r where r.editionId = :e", Room.class)
                .setParameter("e", fromId)
                .getResultList()) {
            Room copy = new Room(to.getId(), room.getName(), room.getCapacity(), room.getVirtualLink());
            em.persist(copy);
            roomIds.put(room.getId(), copy);
        }
        em.flush();
        for (ForumSession session : em.createQuery(
                        "select s from ForumSession s where s.editionId = :e and s.cancelled = false",
                        ForumSession.class)
                .setParameter("e", fromId)
                .getResultList()) {
            ForumSession slot = new ForumSession(to, session.getTitle(), session.getType());
            slot.describe(session.getTopic(), session.getAbstractMarkdown(), session.getAbstractHtml());
            schedule(() -> slot.schedule(
                    to,
                    roomIds.get(session.getRoomId()),
                    session.getStart().plusDays(shift),
                    session.getEnd().plusDays(shift),
                    session.getCapacity()));
            em.persist(slot);
        }
        LOG.info(() -> "Edition " + to.getId() + " copied the rooms and sessions of edition " + fromId);
        return view(to);
    }

    private record Parsed(LocalDate start, LocalDate end, ZoneId zone, Format format) {}

    private static Parsed parse(EditionForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {title, startDate, endDate, timeZone, format, capacity}.");
        }
        LocalDate start = date("startDate", form.startDate());
        LocalDate end = date("endDate", form.endDate());
        ZoneId zone;
        try {
            zone = ZoneId.of(form.timeZone() == null ? "" : form.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    "timeZone '" + form.timeZone() + "' is not a time zone such as America/Chicago.");
        }
        Format format;
        try {
            format = Format.valueOf(form.format() == null ? "" : form.format().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("format must be IN_PERSON, VIRTUAL or HYBRID.");
        }
        if (form.capacity() == null) {
            throw ProblemException.badRequest("capacity is required.");
        }
        return new Parsed(start, end, zone, format);
    }

    private void applyWindowAndStatus(Edition edition, EditionForm form) {
        schedule(() -> {
            edition.openRegistration(form.registrationOpens(), form.registrationCloses());
            return edition;
        });
        String status = form.status() == null ? "" : form.status().toUpperCase(Locale.ROOT);
        switch (status) {
            case "", "DRAFT" -> {}
            case "PUBLISHED" -> schedule(() -> {
                edition.publish(OffsetDateTime.now(clock));
                return edition;
            });
            case "ARCHIVED" -> edition.archive();
            default -> throw ProblemException.badRequest("status must be DRAFT, PUBLISHED or ARCHIVED.");
        }
    }

    public Edition find(long id) {
        Edition edition = em.find(Edition.class, id);
        if (edition == null) {
            throw ProblemException.notFound("Edition " + id);
        }
        return edition;
    }

    /** A draft is visible to staff only; to anyone else it does not exist. */
    public Edition visible(long id) {
        Edition edition = em.find(Edition.class, id);
        if (edition == null || (!edition.published() && !caller.staff())) {
            throw ProblemException.notFound("Edition " + id);
        }
        return edition;
    }

    public EditionView view(Edition edition) {
        return views(List.of(edition)).get(0);
    }

    /** Views with their registration counts, counted for all the editions in one query. */
    private List<EditionView> views(List<Edition> editions) {
        if (editions.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery(
                        "select r.editionId, r.status, count(r) from Registration r"
                                + " where r.editionId in :ids and r.sessionId is null group by r.editionId, r.status",
                        Object[].class)
                .setParameter("ids", editions.stream().map(Edition::getId).toList())
                .getResultStream()
                .forEach(row -> {
                    long[] perStatus = counts.computeIfAbsent((Long) row[0], id -> new long[2]);
                    if (row[1] == Registration.Status.REGISTERED) {
                        perStatus[0] = (Long) row[2];
                    } else if (row[1] == Registration.Status.WAITLISTED) {
                        perStatus[1] = (Long) row[2];
                    }
                });
        OffsetDateTime now = OffsetDateTime.now(clock);
        return editions.stream()
                .map(e -> {
                    long[] perStatus = counts.getOrDefault(e.getId(), new long[2]);
                    return EditionView.of(e, now, perStatus[0], perStatus[1]);
                })
                .toList();
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required, as an ISO date such as 2027-03-15.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(field + " '" + value + "' is not an ISO date such as 2027-03-15.");
        }
    }

    /** Runs an entity rule, turning its refusal into a 400 naming the problem. */
    static <T> T schedule(java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (ScheduleException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
