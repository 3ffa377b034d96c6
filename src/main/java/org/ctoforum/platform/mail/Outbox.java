package org.ctoforum.platform.mail;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outbox seen by its sender, one short transaction a call, so that no transaction stays open while an SMTP
 * server answers. A claimed mail is left to its sender for {@link #LEASE}: other nodes skip it meanwhile, and if the
 * sender dies before it records the outcome, the mail is due again when the lease ends. So a mail is sent at least
 * once, and twice only if a node dies between sending it and recording that.
 */
@Stateless
public class Outbox {

    /** Longer than a batch can take: 25 mails at the 10 s SMTP timeout each. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** What a sender needs of a claimed mail. */
    public record Claimed(long id, String recipient, String subject, String body) {}

    @PersistenceContext
    EntityManager em;

    /** Claims up to {@code limit} due mails, oldest first; rows another node is claiming are skipped. */
    public List<Claimed> claim(OffsetDateTime now, int limit) {
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = em.createNativeQuery(
                        "select * from outgoing_mail where status = ?3 and next_attempt_at <= ?1"
                                + " order by id limit ?2 for update skip locked",
                        OutgoingMail.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, OutgoingMail.Status.PENDING.name())
                .getResultList();
        return due.stream()
                .map(mail -> {
                    mail.claimUntil(now.plus(LEASE));
                    return new Claimed(mail.id(), mail.recipient(), mail.subject(), mail.body());
                })
                .toList();
    }

    public void sent(long id, OffsetDateTime now) {
        em.find(OutgoingMail.class, id).sent(now);
    }

    public void logged(long id, OffsetDateTime now) {
        em.find(OutgoingMail.class, id).logged(now);
    }

    /** Records a failed attempt and answers the mail as it now stands: its attempts, and whether it gave up. */
    public OutgoingMail failed(long id, String error, OffsetDateTime now) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        mail.failed(error, now);
        return mail;
    }
}
