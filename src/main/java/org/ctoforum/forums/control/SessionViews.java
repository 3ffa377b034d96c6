package org.ctoforum.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctoforum.forums.boundary.SessionView;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.forums.entity.Room;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/** Turns sessions into what pages and the API show; session notes only for members and staff. */
@ApplicationScoped
public class SessionViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Caller caller;

    /** Views of the sessions with their rooms, facilitators' names and seats taken, in three queries. */
    public List<SessionView> of(Collection<ForumSession> sessions) {
        Set<Long> roomIds = new LinkedHashSet<>();
        Set<Long> accountIds = new LinkedHashSet<>();
        sessions.forEach(s -> {
            roomIds.add(s.getRoomId());
            accountIds.addAll(s.getFacilitators());
        });
        Map<Long, Room> rooms = new HashMap<>();
        if (!roomIds.isEmpty()) {
            em.createQuery("select r from Room r where r.id in :ids", Room.class)
                    .setParameter("ids", roomIds)
                    .getResultStream()
                    .forEach(r -> rooms.put(r.getId(), r));
        }
        Map<Long, People.Person> names = people.byIds(accountIds);
        Map<Long, Long> taken = seatsTaken(sessions);
        Map<Long, ZoneId> zones = zonesOfEditions(sessions);
        boolean mayReadNotes = caller.is(Role.MEMBER) || caller.staff();
        Long me = caller.accountId().orElse(null);
        List<SessionView> views = new ArrayList<>();
        for (ForumSession s : sessions) {
            Room room = rooms.get(s.getRoomId());
            boolean notes = s.getNotesHtml() != null && !s.getNotesHtml().isEmpty();
            ZoneId zone = zones.get(s.getEditionId());
            views.add(new SessionView(
                    s.getId(),
                    s.getEditionId(),
                    s.getTitle(),
                    s.getType().name(),
                    s.getTopic(),
                    room.getId(),
                    room.getName(),
                    room.getVirtualLink(),
                    s.getStart().atZone(zone).toOffsetDateTime(),
                    s.getEnd().atZone(zone).toOffsetDateTime(),
                    zone.getId(),
                    s.getCapacity(),
                    taken.getOrDefault(s.getId(), 0L),
                    s.getFacilitators().stream()
                            .map(id -> names.containsKey(id) ? names.get(id).displayName() : "")
                            .sorted()
                            .toList(),
                    s.getAbstractHtml() == null ? "" : s.getAbstractHtml(),
                    s.isCancelled(),
                    s.getSequence(),
                    mayReadNotes && notes ? s.getNotesHtml() : "",
                    notes,
                    caller.staff() || (me != null && me.equals(s.getScribeId()))));
        }
        return views;
    }

    /** Sessions happen at their edition's place, so their times are read in its zone. */
    private Map<Long, ZoneId> zonesOfEditions(Collection<ForumSession> sessions) {
        Set<Long> editionIds = new LinkedHashSet<>();
        sessions.forEach(s -> editionIds.add(s.getEditionId()));
        Map<Long, ZoneId> zones = new HashMap<>();
        if (!editionIds.isEmpty()) {
            em.createQuery("select e from Edition e where e.id in :ids", Edition.class)
                    .setParameter("ids", editionIds)
                    .getResultStream()
                    .forEach(e -> zones.put(e.getId(), e.zone()));
        }
        return zones;
    }

    private Map<Long, Long> seatsTaken(Collection<ForumSession> sessions) {
        List<Long> capped = sessions.stream()
                .filter(s -> s.getCapacity() != null)
                .map(ForumSession::getId)
                .toList();
        if (capped.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> taken = new HashMap<>();
        em.createQuery(
                        "select r.sessionId, count(r) from Registration r where r.sessionId in :ids and r.status = :s"
                                + " group by r.sessionId",
                        Object[].class)
                .setParameter("ids", capped)
                .setParameter("s", Registration.Status.REGISTERED)
                .getResultStream()
                .forEach(row -> taken.put((Long) row[0], (Long) row[1]));
        return taken;
    }
}
