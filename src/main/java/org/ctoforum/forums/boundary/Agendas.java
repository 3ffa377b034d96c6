package org.ctoforum.forums.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.forums.control.CalendarWriter;
import org.ctoforum.forums.control.SessionViews;
import org.ctoforum.forums.entity.AgendaPick;
import org.ctoforum.forums.entity.CalendarFeed;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.security.SignedLinks;
import org.ctoforum.platform.security.SignedOutEverywhere;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.Validators;

/**
 * A member's personal agenda: the sessions they picked, with overlaps flagged, as a page, as iCalendar, and as a
 * secret feed address calendar apps subscribe to, which follows the sessions as they move.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Agendas {

    private static final Logger LOG = Logger.getLogger(Agendas.class.getName());

    /** A picked session, and the titles of other picked sessions it overlaps. */
    public record Entry(SessionView session, String editionTitle, List<String> overlapsWith, RegistrationView seat)
            implements Serializable {
        public String overlapText() {
            return String.join(", ", overlapsWith);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Schedule schedule;

    @Inject
    Registrations registrations;

    @Inject
    SignedLinks signedLinks;

    @Inject
    SessionViews views;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Puts a session on the caller's agenda; a capped session also takes a seat or a waitlist place. */
    public Entry pick(long sessionId) {
        long account = caller.requireMember("keep a personal agenda");
        ForumSession session = visibleSession(sessionId);
        if (session.isCancelled()) {
            throw new ProblemException(ProblemType.SESSION_CANCELLED, "This session is cancelled.");
        }
        boolean already = !em.createQuery(
                        "select p from AgendaPick p where p.accountId = :a and p.sessionId = :s", AgendaPick.class)
                .setParameter("a", account)
                .setParameter("s", sessionId)
                .getResultList()
                .isEmpty();
        if (!already) {
            em.persist(new AgendaPick(account, session, OffsetDateTime.now(clock)));
        }
        registrations.takeSeat(session, account);
        em.flush();
        return mine(account).stream()
                .filter(e -> e.session().id() == sessionId)
                .findFirst()
                .orElseThrow();
    }

    public void unpick(long sessionId) {
        long account = caller.requireAccountId();
        ForumSession session = visibleSession(sessionId);
        em.createQuery("delete from AgendaPick p where p.accountId = :a and p.sessionId = :s")
                .setParameter("a", account)
                .setParameter("s", sessionId)
                .executeUpdate();
        registrations.releaseSeat(session, account);
    }

    /**
     * The caller's next sessions, soonest first: those not yet over in their edition's time zone. One query, for the
     * home page.
     */
    public List<AgendaTeaser> upcoming(int max) {
        long account = caller.requireAccountId();
        Instant now = clock.instant();
        return em.createQuery(
                        "select s.id, e.id, e.title, s.title, s.start, s.end, r.name, s.cancelled, e.timeZone"
                                + " from AgendaPick p, ForumSession s, Edition e, Room r"
                                + " where p.accountId = :a and s.id = p.sessionId and e.id = s.editionId"
                                + " and r.id = s.roomId and e.endDate >= :yesterday order by s.start, s.id",
                        Object[].class)
                .setParameter("a", account)
                .setParameter("yesterday", LocalDate.now(clock).minusDays(1))
                .getResultStream()
                .map(row -> {
                    ZoneId zone = ZoneId.of((String) row[8]);
                    return new AgendaTeaser(
                            (Long) row[0],
                            (Long) row[1],
                            (String) row[2],
                            (String) row[3],
                            ((LocalDateTime) row[4]).atZone(zone).toOffsetDateTime(),
                            ((LocalDateTime) row[5]).atZone(zone).toOffsetDateTime(),
                            (String) row[6],
                            (Boolean) row[7]);
                })
                .filter(teaser -> teaser.end().toInstant().isAfter(now))
                .limit(max)
                .toList();
    }

    public List<Entry> mine() {
        return mine(caller.requireAccountId());
    }

    /**
     * An iCalendar text, and when what it shows last changed where that is known (null otherwise: a personal agenda
     * loses sessions without a trace of when).
     */
    public record CalendarFile(String text, Instant changedAt) {

        public Validators validators() {
            return Validators.of(text, changedAt);
        }

        /** The API's answer: the file to save, or 304 with no body when the caller's copy is current. */
        Response download(HttpServletRequest request, String fileName) {
            Validators validators = validators();
            Response.ResponseBuilder answer = validators.notModified(request)
                    ? Response.notModified()
                    : Response.ok(text)
                            .type("text/calendar; charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            validators.headers().forEach(answer::header);
            return answer.build();
        }
    }

    public CalendarFile myCalendar() {
        return calendarOf(caller.requireAccountId());
    }

    /** The whole agenda of a published edition as iCalendar. */
    public CalendarFile editionCalendar(long editionId) {
        Edition edition = em.find(Edition.class, editionId);
        List<SessionView> sessions = schedule.list(editionId);
        // A draft's changes are not logged, so its events are stamped now and it has no Last-Modified.
        Optional<Instant> changedAt = schedule.agendaChangedAt(edition);
        String text = CalendarWriter.write(
                edition.getTitle(),
                List.of(new CalendarWriter.Part(
                        edition.getTitle(), edition.zone(), sessions, changedAt.orElseGet(clock::instant))),
                settings.baseUrl());
        return new CalendarFile(text, changedAt.orElse(null));
    }

    /** The calendar behind a secret feed address, or empty when the address is unknown or revoked. */
    public Optional<CalendarFile> feed(String token) {
        return em.createQuery("select f from CalendarFeed f where f.tokenHash = :h", CalendarFeed.class)
                .setParameter("h", Secrets.sha256(token))
                .getResultStream()
                .filter(CalendarFeed::active)
                .filter(feed -> mayKeepAnAgenda(feed.getAccountId()))
                .findFirst()
                .map(feed -> calendarOf(feed.getAccountId()));
    }

    /**
     * The owner's rights now, on every fetch: a disabled account or a lapsed membership loses its calendar address
     * at once, as it lost the agenda page.
     */
    private boolean mayKeepAnAgenda(long accountId) {
        return people.byId(accountId)
                .filter(owner -> owner.has(Role.MEMBER) || owner.has(Role.STAFF))
                .isPresent();
    }

    /** An owner took their account back: the secret address they had handed out stops working. */
    public void signedOutEverywhere(@Observes SignedOutEverywhere event) {
        revokeFeeds(event.accountId());
    }

    /**
     * The caller's calendar address and when it was made. An address made before addresses could be shown again
     * (from a random secret, of which only the hash was kept) comes without its url.
     */
    public Optional<FeedAddress> currentFeed() {
        long account = caller.requireAccountId();
        return activeFeed(account).map(feed -> {
            String token = feedToken(account, feed.getCreatedAt());
            return FeedAddress.of(
                    Secrets.sha256(token).equals(feed.getTokenHash()) ? feedUrl(token) : null, feed.getCreatedAt());
        });
    }

    /**
     * Makes the caller's calendar address. A member's calendar app may already follow the one they have, so that is
     * replaced, and stops working, only when {@code replace} says so.
     */
    public FeedAddress newFeed(boolean replace) {
        long account = caller.requireMember("keep a personal agenda");
        Optional<CalendarFeed> existing = activeFeed(account);
        if (existing.isPresent() && !replace) {
            throw ProblemException.conflict("You have a calendar address already, made "
                    + existing.get().getCreatedAt() + "; calendars subscribed to it keep working. Send"
                    + " {\"replace\": true} to make a new one and turn that one off.");
        }
        revokeFeeds(account);
        // Stored as the database keeps it, so that the same moment makes the same address again.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String token = feedToken(account, now);
        em.persist(new CalendarFeed(account, Secrets.sha256(token), now));
        LOG.info(() -> "Account " + account + " made a new calendar feed address");
        return FeedAddress.of(feedUrl(token), now);
    }

    /** A calendar address, its webcal form for calendar apps, and when it was made. */
    public record FeedAddress(String url, String webcal, OffsetDateTime createdAt) {
        static FeedAddress of(String url, OffsetDateTime createdAt) {
            return new FeedAddress(url, url == null ? null : url.replaceFirst("^https?://", "webcal://"), createdAt);
        }
    }

    /** Only the portal can make it, from its signing key, and make it again to show it; the database holds its hash. */
    private String feedToken(long account, OffsetDateTime createdAt) {
        return "cal_" + signedLinks.secretFor("agenda-feed:" + account + ":" + createdAt.toInstant());
    }

    private String feedUrl(String token) {
        return settings.baseUrl() + "/feeds/agenda/" + token + ".ics";
    }

    private Optional<CalendarFeed> activeFeed(long account) {
        return em.createQuery(
                        "select f from CalendarFeed f where f.accountId = :a and f.revokedAt is null"
                                + " order by f.createdAt desc",
                        CalendarFeed.class)
                .setParameter("a", account)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public void revokeFeed() {
        revokeFeeds(caller.requireAccountId());
    }

    private void revokeFeeds(long account) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createQuery(
                        "select f from CalendarFeed f where f.accountId = :a and f.revokedAt is null",
                        CalendarFeed.class)
                .setParameter("a", account)
                .getResultStream()
                .forEach(feed -> feed.revoke(now));
    }

    private CalendarFile calendarOf(long account) {
        List<Entry> entries = mine(account);
        List<CalendarWriter.Part> parts = new ArrayList<>();
        entries.stream().map(e -> e.session().editionId()).distinct().forEach(editionId -> {
            Edition edition = em.find(Edition.class, editionId);
            parts.add(new CalendarWriter.Part(
                    edition.getTitle(),
                    edition.zone(),
                    entries.stream()
                            .filter(e -> e.session().editionId() == editionId)
                            .map(Entry::session)
                            .toList(),
                    schedule.agendaChangedAt(edition).orElseGet(clock::instant)));
        });
        return new CalendarFile(CalendarWriter.write("My CTO Forum agenda", parts, settings.baseUrl()), null);
    }

    private List<Entry> mine(long account) {
        List<ForumSession> picked = em.createQuery(
                        "select s from ForumSession s where s.id in (select p.sessionId from AgendaPick p where p.accountId = :a)"
                                + " order by s.start",
                        ForumSession.class)
                .setParameter("a", account)
                .getResultList();
        List<SessionView> shown = views.of(picked);
        List<Entry> entries = new ArrayList<>();
        Map<Long, Edition> editionsById = new HashMap<>();
        for (int i = 0; i < picked.size(); i++) {
            ForumSession session = picked.get(i);
            List<String> overlaps = new ArrayList<>();
            for (ForumSession other : picked) {
                if (other != session
                        && !other.isCancelled()
                        && !session.isCancelled()
                        && other.getEditionId().equals(session.getEditionId())
                        && session.overlaps(other.getStart(), other.getEnd())) {
                    overlaps.add(other.getTitle());
                }
            }
            Edition edition = editionsById.computeIfAbsent(session.getEditionId(), id -> em.find(Edition.class, id));
            RegistrationView seat = session.getCapacity() == null
                    ? null
                    : registrations.seat(session, account).orElse(null);
            entries.add(new Entry(shown.get(i), edition.getTitle(), overlaps, seat));
        }
        return entries;
    }

    private ForumSession visibleSession(long sessionId) {
        ForumSession session = em.find(ForumSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        Edition edition = em.find(Edition.class, session.getEditionId());
        if (!edition.published() && !caller.staff()) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        return session;
    }
}
