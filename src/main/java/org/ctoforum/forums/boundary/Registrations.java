package org.ctoforum.forums.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.Registration;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;

/**
 * Registration for an edition, and for capped sessions, with a waitlist. Each decision is made under a row lock on
 * the edition (or session), so simultaneous registrations never exceed the capacity, and a cancellation promotes the
 * head of the waitlist in the same transaction.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Editions editions;

    @Inject
    People people;

    @Inject
    Mailer mailer;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Registers the caller, or puts them on the waitlist. Asking again gives the same answer and no new row. */
    public RegistrationView register(long editionId) {
        long account = caller.requireMember("register for a forum");
        Edition edition = em.find(Edition.class, editionId, LockModeType.PESSIMISTIC_WRITE);
        if (edition == null || !edition.published()) {
            throw ProblemException.notFound("Edition " + editionId);
        }
        Optional<Registration> existing = active(editionId, null, account);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!edition.registrationOpenAt(now)) {
            throw new ProblemException(
                    ProblemType.REGISTRATION_CLOSED,
                    "Registration for " + edition.getTitle() + " is closed"
                            + (edition.registrationOpensAt() != null && now.isBefore(edition.registrationOpensAt())
                                    ? "; it opens " + edition.registrationOpensAt() + "."
                                    : "."));
        }
        Registration registration =
                new Registration(editionId, null, account, count(editionId, null) < edition.getCapacity(), now);
        em.persist(registration);
        em.flush();
        LOG.info(() -> "Account " + account + " " + registration.getStatus() + " for edition " + editionId);
        return view(registration);
    }

    public Optional<RegistrationView> mine(long editionId) {
        editions.visible(editionId);
        return caller.accountId()
                .flatMap(account -> active(editionId, null, account))
                .map(this::view);
    }

    /** Editions not yet over whose seats are all taken and whose waitlist is not empty, soonest first (staff). */
    public List<WaitlistTeaser> fullWithWaitlist(int max) {
        caller.require(Role.STAFF, "see waitlists");
        List<?> rows = em.createNativeQuery("select e.id, e.title, e.start_date, e.capacity,"
                        + " count(*) filter (where r.status = ?1), count(*) filter (where r.status = ?2)"
                        + " from forum_edition e join forum_registration r on r.edition_id = e.id and r.session_id is null"
                        + " where e.end_date >= ?3 group by e.id, e.title, e.start_date, e.capacity"
                        + " having count(*) filter (where r.status = ?2) > 0"
                        + " and count(*) filter (where r.status = ?1) >= e.capacity"
                        + " order by e.start_date, e.id limit ?4")
                .setParameter(1, Registration.Status.REGISTERED.name())
                .setParameter(2, Registration.Status.WAITLISTED.name())
                .setParameter(3, LocalDate.now(clock))
                .setParameter(4, max)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] columns = (Object[]) row;
                    return new WaitlistTeaser(
                            ((Number) columns[0]).longValue(),
                            (String) columns[1],
                            SqlValues.date(columns[2]),
                            ((Number) columns[3]).intValue(),
                            ((Number) columns[4]).longValue(),
                            ((Number) columns[5]).longValue());
                })
                .toList();
    }

    /** Cancels the caller's registration; the first on the waitlist is promoted at once and mailed. */
    public void cancel(long editionId) {
        long account = caller.requireAccountId();
        Edition edition = em.find(Edition.class, editionId, LockModeType.PESSIMISTIC_WRITE);
        if (edition == null) {
            throw ProblemException.notFound("Edition " + editionId);
        }
        Registration registration = active(editionId, null, account)
                .orElseThrow(() -> ProblemException.notFound("Your registration for edition " + editionId));
        if (registration.cancel(OffsetDateTime.now(clock))) {
            promoteHead(editionId, null, edition.getCapacity(), edition.getTitle());
        }
        LOG.info(() -> "Account " + account + " cancelled its registration for edition " + editionId);
    }

    /** A seat in a capped session, or a place on its waitlist; uncapped sessions need none. */
    public Optional<RegistrationView> takeSeat(ForumSession session, long account) {
        if (session.getCapacity() == null) {
            return Optional.empty();
        }
        ForumSession locked = em.find(ForumSession.class, session.getId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Registration> existing = active(locked.getEditionId(), locked.getId(), account);
        if (existing.isPresent()) {
            return Optional.of(view(existing.get()));
        }
        Registration seat = new Registration(
                locked.getEditionId(),
                locked.getId(),
                account,
                count(locked.getEditionId(), locked.getId()) < locked.getCapacity(),
                OffsetDateTime.now(clock));
        em.persist(seat);
        em.flush();
        return Optional.of(view(seat));
    }

    public Optional<RegistrationView> seat(ForumSession session, long account) {
        return active(session.getEditionId(), session.getId(), account).map(this::view);
    }

    public void releaseSeat(ForumSession session, long account) {
        if (session.getCapacity() == null) {
            return;
        }
        ForumSession locked = em.find(ForumSession.class, session.getId(), LockModeType.PESSIMISTIC_WRITE);
        active(locked.getEditionId(), locked.getId(), account).ifPresent(seat -> {
            if (seat.cancel(OffsetDateTime.now(clock))) {
                promoteHead(locked.getEditionId(), locked.getId(), locked.getCapacity(), locked.getTitle());
            }
        });
    }

    public List<Registration> all(long editionId) {
        caller.require(Role.STAFF, "list registrations");
        return em.createQuery(
                        "select r from Registration r where r.editionId = :e and r.sessionId is null order by r.id",
                        Registration.class)
                .setParameter("e", editionId)
                .getResultList();
    }

    private void promoteHead(long editionId, Long sessionId, int capacity, String what) {
        if (count(editionId, sessionId) >= capacity) {
            return;
        }
        waitlist(editionId, sessionId).stream().findFirst().ifPresent(head -> {
            head.promote(OffsetDateTime.now(clock));
            people.byIds(List.of(head.getAccountId()))
                    .values()
                    .forEach(person -> mailer.send(
                            person.email(),
                            "You have a place: " + what,
                            "Hello " + person.displayName() + ",\n\nA place opened up and you are now registered for "
                                    + what
                                    + ".\nIf you can no longer come, cancel on the forum page so the next person gets it:\n"
                                    + settings.baseUrl() + "/forums/edition.xhtml?id=" + editionId + "\n"));
            LOG.info(() -> "Account " + head.getAccountId() + " promoted from the waitlist of " + what);
        });
    }

    private RegistrationView view(Registration registration) {
        Integer position = null;
        if (registration.getStatus() == Registration.Status.WAITLISTED) {
            List<Registration> line = waitlist(registration.getEditionId(), registration.getSessionId());
            position = line.indexOf(registration) + 1;
        }
        return new RegistrationView(
                registration.getEditionId(),
                registration.getSessionId(),
                registration.getStatus().name(),
                position);
    }

    private List<Registration> waitlist(long editionId, Long sessionId) {
        var query = em.createQuery(
                        "select r from Registration r where r.editionId = :e and "
                                + (sessionId == null ? "r.sessionId is null" : "r.sessionId = :s")
                                + " and r.status = :w order by r.id",
                        Registration.class)
                .setParameter("e", editionId)
                .setParameter("w", Registration.Status.WAITLISTED);
        if (sessionId != null) {
            query.setParameter("s", sessionId);
        }
        return query.getResultList();
    }

    private long count(long editionId, Long sessionId) {
        var query = em.createQuery(
                        "select count(r) from Registration r where r.editionId = :e and "
                                + (sessionId == null ? "r.sessionId is null" : "r.sessionId = :s")
                                + " and r.status = :r",
                        Long.class)
                .setParameter("e", editionId)
                .setParameter("r", Registration.Status.REGISTERED);
        if (sessionId != null) {
            query.setParameter("s", sessionId);
        }
        return query.getSingleResult();
    }

    private Optional<Registration> active(long editionId, Long sessionId, long account) {
        var query = em.createQuery(
                        "select r from Registration r where r.editionId = :e and r.accountId = :a and "
                                + (sessionId == null ? "r.sessionId is null" : "r.sessionId = :s")
                                + " and r.status <> :c",
                        Registration.class)
                .setParameter("e", editionId)
                .setParameter("a", account)
                .setParameter("c", Registration.Status.CANCELLED);
        if (sessionId != null) {
            query.setParameter("s", sessionId);
        }
        return query.getResultStream().findFirst();
    }
}
