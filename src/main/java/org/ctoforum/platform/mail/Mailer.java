package org.ctoforum.platform.mail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Puts a mail in the outbox, in the caller's transaction: a mail about something that was rolled back is never
 * sent, and one that was committed is sent even if the SMTP server is down for a while.
 */
@Stateless
public class Mailer {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void send(String recipient, String subject, String body) {
        em.persist(new OutgoingMail(recipient, subject, body, OffsetDateTime.now(clock)));
    }
}
