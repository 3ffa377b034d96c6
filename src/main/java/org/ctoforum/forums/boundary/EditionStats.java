package org.ctoforum.forums.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.platform.security.Role;

/** Figures staff watch while an edition fills: registrations over time, and how full each session is. */
@Stateless
@RolesAllowed(Role.Names.STAFF)
public class EditionStats {

    /** New registrations on a day (in the edition's zone) and the running total of places taken or asked for. */
    public record Day(LocalDate date, long registrations, long total) {}

    /** How many have a session on their agenda, against the seats it has (its own cap, else its room's). */
    public record Fill(long sessionId, String title, long interested, Integer seats) {
        public int percent() {
            return seats == null || seats == 0 ? 0 : (int) Math.min(100, interested * 100 / seats);
        }
    }

    public record Stats(List<Day> registrations, List<Fill> fill) {}

    /** An edition's places: taken, asked for on the waitlist, and given back. */
    public record Places(
            long editionId, String title, int capacity, long registered, long waitlisted, long cancelled) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Editions editions;

    /** The places of every edition past its draft, in date order. */
    public List<Places> placesByEdition() {
        List<?> rows = em.createNativeQuery("select e.id, e.title, e.capacity,"
                        + " count(r.id) filter (where r.status = ?1),"
                        + " count(r.id) filter (where r.status = ?2),"
                        + " count(r.id) filter (where r.status = ?3)"
                        + " from forum_edition e"
                        + " left join forum_registration r on r.edition_id = e.id and r.session_id is null"
                        + " where e.status <> ?4 group by e.id order by e.start_date, e.id")
                .setParameter(1, Registration.Status.REGISTERED.name())
                .setParameter(2, Registration.Status.WAITLISTED.name())
                .setParameter(3, Registration.Status.CANCELLED.name())
                .setParameter(4, Edition.Status.DRAFT.name())
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Places(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ((Number) row[2]).intValue(),
                        ((Number) row[3]).longValue(),
                        ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue()))
                .toList();
    }

    public Stats of(long editionId) {
        Edition edition = editions.find(editionId);
        @SuppressWarnings("unchecked")
        List<Object[]> perDay = em.createNativeQuery(
                        "select cast(created_at at time zone ?1 as date) as day, count(*) from forum_registration"
                                + " where edition_id = ?2 and session_id is null group by day order by day")
                .setParameter(1, edition.getTimeZone())
                .setParameter(2, editionId)
                .getResultList();
        List<Day> days = new ArrayList<>();
        long total = 0;
        for (Object[] row : perDay) {
            long count = ((Number) row[1]).longValue();
            total += count;
            days.add(new Day(((Date) row[0]).toLocalDate(), count, total));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> perSession = em.createNativeQuery(
                        "select s.id, s.title, count(p.id), coalesce(s.capacity, r.capacity) from forum_session s"
                                + " join forum_room r on r.id = s.room_id"
                                + " left join forum_agenda_pick p on p.session_id = s.id"
                                + " where s.edition_id = ?1 and not s.cancelled"
                                + " group by s.id, s.title, s.capacity, r.capacity, s.starts_at order by s.starts_at, s.id")
                .setParameter(1, editionId)
                .getResultList();
        List<Fill> fill = perSession.stream()
                .map(row -> new Fill(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ((Number) row[2]).longValue(),
                        row[3] == null ? null : ((Number) row[3]).intValue()))
                .toList();
        return new Stats(days, fill);
    }
}
