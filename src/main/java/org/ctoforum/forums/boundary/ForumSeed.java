package org.ctoforum.forums.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctoforum.forums.control.ScheduleRules;
import org.ctoforum.forums.entity.AgendaPick;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.Format;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.forums.entity.Room;
import org.ctoforum.forums.entity.SessionType;
import org.ctoforum.forums.entity.Topic;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.markdown.Markdown;

/**
 * The forum editions of seeds/forums.json, with rooms, sessions, notes and registrations. An edition whose title
 * exists is left alone. The seed obeys the same schedule rules as staff do, and stops the start if it breaks one.
 */
@Stateless
public class ForumSeed implements DemoSeed {

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Clock clock;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void seed(DemoContext context) {
        JsonObject file = context.json("forums.json");
        for (JsonString topic : file.getJsonArray("topics").getValuesAs(JsonString.class)) {
            if (em.createQuery("select count(t) from Topic t where t.name = :n", Long.class)
                            .setParameter("n", topic.getString())
                            .getSingleResult()
                    == 0) {
                em.persist(new Topic(topic.getString()));
            }
        }
        for (JsonObject entry : file.getJsonArray("editions").getValuesAs(JsonObject.class)) {
            boolean exists = em.createQuery("select count(e) from Edition e where e.title = :t", Long.class)
                            .setParameter("t", entry.getString("title"))
                            .getSingleResult()
                    > 0;
            if (!exists) {
                seedEdition(entry);
            }
        }
    }

    private void seedEdition(JsonObject entry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Edition edition = new Edition(
                entry.getString("title"),
                Format.valueOf(entry.getString("format")),
                entry.getString("venue", null),
                ZoneId.of(entry.getString("timeZone")),
                LocalDate.parse(entry.getString("startDate")),
                LocalDate.parse(entry.getString("endDate")),
                entry.getInt("capacity"));
        String status = entry.getString("status");
        if (!status.equals("DRAFT")) {
            // Published as staff would have, well before the forum: a past edition published a month ago would
            // have opened its registration years after it closed.
            OffsetDateTime beforeTheForum = edition.getStartDate()
                    .minusDays(90)
                    .atStartOfDay(edition.zone())
                    .toOffsetDateTime();
            edition.publish(beforeTheForum.isBefore(now.minusDays(30)) ? beforeTheForum : now.minusDays(30));
        }
        if (status.equals("ARCHIVED")) {
            edition.archive();
        }
        em.persist(edition);
        em.flush();
        changes.fire(ContentChanged.of(Content.EDITION, edition.getId()));

        Map<String, Room> rooms = new HashMap<>();
        for (JsonObject r : entry.getJsonArray("rooms").getValuesAs(JsonObject.class)) {
            Room room = new Room(
                    edition.getId(),
                    r.getString("name"),
                    r.containsKey("capacity") ? r.getInt("capacity") : null,
                    r.getString("virtualLink", null));
            em.persist(room);
            rooms.put(room.getName(), room);
        }
        em.flush();

        List<ScheduleRules.Slot> placed = new ArrayList<>();
        List<ForumSession> sessions = new ArrayList<>();
        for (JsonObject s : entry.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
            ForumSession session =
                    new ForumSession(edition, s.getString("title"), SessionType.valueOf(s.getString("type")));
            String abstractMarkdown = s.getString("abstract", null);
            session.describe(s.getString("topic", null), abstractMarkdown, Markdown.toSafeHtml(abstractMarkdown));
            Room room = rooms.get(s.getString("room"));
            if (room == null) {
                throw new IllegalStateException("seeds/forums.json: session \"" + s.getString("title")
                        + "\" names an unknown room " + s.getString("room"));
            }
            session.schedule(
                    edition,
                    room,
                    LocalDateTime.parse(s.getString("start")),
                    LocalDateTime.parse(s.getString("end")),
                    s.containsKey("capacity") ? s.getInt("capacity") : null);
            Set<Long> facilitators = new LinkedHashSet<>();
            for (JsonString email : s.getJsonArray("facilitators").getValuesAs(JsonString.class)) {
                facilitators.add(people.byEmail(email.getString())
                        .orElseThrow(
                                () -> new IllegalStateException("seeds/forums.json: no account " + email.getString()))
                        .id());
            }
            session.assignFacilitators(facilitators);
            ScheduleRules.Slot slot = new ScheduleRules.Slot(
                    null, session.getTitle(), room.getId(), session.getStart(), session.getEnd(), facilitators);
            ScheduleRules.firstConflict(slot, placed).ifPresent(conflict -> {
                throw new IllegalStateException(
                        "seeds/forums.json: \"" + session.getTitle() + "\" breaks a rule: " + conflict.reason());
            });
            placed.add(slot);
            if (s.containsKey("notes") && !facilitators.isEmpty()) {
                String notes = s.getString("notes");
                session.assignScribe(facilitators.iterator().next());
                session.recordNotes(notes, Markdown.toSafeHtml(notes));
            }
            em.persist(session);
            sessions.add(session);
        }

        if (entry.containsKey("registrations")) {
            em.flush();
            List<JsonString> emails = entry.getJsonArray("registrations").getValuesAs(JsonString.class);
            for (int i = 0; i < emails.size(); i++) {
                String email = emails.get(i).getString();
                var person = people.byEmail(email)
                        .orElseThrow(() -> new IllegalStateException("seeds/forums.json: no account " + email));
                // Spread over the weeks before now, so the staff chart shows registrations arriving.
                OffsetDateTime registered = now.minusDays(3L * (emails.size() - i));
                em.persist(new Registration(edition.getId(), null, person.id(), i < edition.getCapacity(), registered));
                // Each registrant keeps a few sessions on their agenda, so interest per session shows too.
                for (int k = 0; k < sessions.size(); k++) {
                    if ((k + i) % 3 == 0 && sessions.get(k).getCapacity() == null) {
                        em.persist(new AgendaPick(person.id(), sessions.get(k), registered));
                    }
                }
            }
        }
    }
}
