package org.ctoforum.forums.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.forums.entity.SessionChange;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.settings.Settings;

/**
 * Records a change to a published edition's session in its change log, and mails everyone who has the session on
 * their agenda, in the caller's transaction: a rolled-back change is neither logged nor mailed.
 */
@ApplicationScoped
public class ChangeNotices {

    private static final Logger LOG = Logger.getLogger(ChangeNotices.class.getName());
    private static final int MAX_DESCRIPTION = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public void record(ForumSession session, SessionChange.Kind kind, String description) {
        String text = description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description;
        em.persist(new SessionChange(session, kind, text, OffsetDateTime.now(clock)));
        if (kind == SessionChange.Kind.ADDED) {
            return;
        }
        List<Long> attendees = em.createQuery("select p.accountId from AgendaPick p where p.sessionId = :s", Long.class)
                .setParameter("s", session.getId())
                .getResultList();
        String link = settings.baseUrl() + "/forums/edition.xhtml?id=" + session.getEditionId();
        people.byIds(attendees)
                .values()
                .forEach(person -> mailer.send(
                        person.email(),
                        "Agenda change: " + session.getTitle(),
                        "Hello " + person.displayName() + ",\n\nA session on your agenda has changed.\n\n" + text
                                + "\n\nThe agenda: " + link + "\n"));
        LOG.info(() -> "Session " + session.getId() + " " + kind + "; " + attendees.size() + " attendees told");
    }
}
