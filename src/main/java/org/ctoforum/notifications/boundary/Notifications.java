package org.ctoforum.notifications.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.notifications.entity.MailChoice;
import org.ctoforum.notifications.entity.Notification;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.notices.NoticeRequested;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.SignedLinks;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.Backlog;

/**
 * Notifications: written in the notifying feature's transaction, and mailed through the outbox at once or kept for
 * the daily digest, by the recipient's choice. Every mail carries a signed link that stops such mails.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final String UNSUBSCRIBE_PREFIX = "unsubscribe:";

    /** What replaces a members-only notice's text for a reader who is no longer a member. */
    static final String WITHHELD =
            "A notice about a members-only discussion; it shows again once your membership is" + " renewed.";

    static final String JOIN = "/join.xhtml";

    public record NotificationView(long id, String kind, String text, String link, String createdAt, boolean read)
            implements Serializable {
        static NotificationView of(Notification n, boolean readsMembersOnly) {
            boolean shown = n.shownTo(readsMembersOnly);
            return new NotificationView(
                    n.getId(),
                    n.getKind(),
                    shown ? n.getText() : WITHHELD,
                    shown ? n.getLink() : JOIN,
                    n.getCreatedAt().toString(),
                    !n.isUnread());
        }
    }

    public record Inbox(long unread, List<NotificationView> notifications, Long next) implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    People people;

    @Inject
    SignedLinks signedLinks;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Writes a notice in the requesting feature's transaction, and mails it at once if the recipient chose so. */
    public void requested(@Observes NoticeRequested notice) {
        Optional<Person> recipient = people.byId(notice.recipientId());
        if (recipient.isEmpty()) {
            return;
        }
        long id = notice.recipientId();
        MailChoice choice = mailChoice(id);
        Notification.Mail mail =
                switch (choice) {
                    case IMMEDIATE -> Notification.Mail.SENT;
                    case DIGEST -> Notification.Mail.DIGEST;
                    case NONE -> Notification.Mail.NONE;
                };
        em.persist(new Notification(
                id,
                notice.kind(),
                notice.text(),
                notice.link(),
                notice.membersOnly(),
                mail,
                OffsetDateTime.now(clock)));
        if (choice == MailChoice.IMMEDIATE) {
            mailer.send(
                    recipient.get().email(),
                    "CTO Forum: " + notice.text(),
                    notice.text() + "\n\n" + settings.baseUrl() + notice.link() + "\n" + footer(id));
        }
        LOG.fine(() -> "Notified account " + id + " (" + notice.kind() + ", mail " + choice + ")");
    }

    public Inbox inbox(Long before, int size) {
        long account = caller.requireAccountId();
        int limit = Math.max(1, Math.min(size, 100));
        var query = em.createQuery(
                        "select n from Notification n where n.accountId = :a"
                                + (before == null ? "" : " and n.id < :before") + " order by n.id desc",
                        Notification.class)
                .setParameter("a", account)
                .setMaxResults(limit + 1);
        List<Notification> page = (before == null ? query : query.setParameter("before", before)).getResultList();
        Long next = page.size() > limit ? page.get(limit - 1).getId() : null;
        boolean readsMembersOnly = caller.is(Role.MEMBER) || caller.staff();
        return new Inbox(
                unreadCount(account),
                page.stream()
                        .limit(limit)
                        .map(n -> NotificationView.of(n, readsMembersOnly))
                        .toList(),
                next);
    }

    /** The caller's newest unread notifications and how many are unread in all. */
    public Backlog<NotificationView> unread(int max) {
        long account = caller.requireAccountId();
        long total = unreadCount(account);
        if (total == 0) {
            return Backlog.empty();
        }
        boolean readsMembersOnly = caller.is(Role.MEMBER) || caller.staff();
        return new Backlog<>(
                total,
                em.createQuery(
                                "select n from Notification n where n.accountId = :a and n.readAt is null"
                                        + " order by n.id desc",
                                Notification.class)
                        .setParameter("a", account)
                        .setMaxResults(max)
                        .getResultStream()
                        .map(n -> NotificationView.of(n, readsMembersOnly))
                        .toList());
    }

    public long unreadCount() {
        return caller.accountId().map(this::unreadCount).orElse(0L);
    }

    /** Marks the caller's notifications read: those listed, or all of them when none are. */
    public int markRead(List<Long> ids) {
        long account = caller.requireAccountId();
        boolean all = ids == null || ids.isEmpty();
        var update = em.createQuery("update Notification n set n.readAt = :now where n.accountId = :a"
                        + " and n.readAt is null" + (all ? "" : " and n.id in :ids"))
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("a", account);
        return (all ? update : update.setParameter("ids", ids)).executeUpdate();
    }

    public MailChoice mailChoice() {
        return mailChoice(caller.requireAccountId());
    }

    public void chooseMail(MailChoice choice) {
        if (choice == null) {
            throw ProblemException.badRequest("mail must be IMMEDIATE, DIGEST or NONE.");
        }
        setMailChoice(caller.requireAccountId(), choice);
    }

    /** Follows a signed unsubscribe link: no more notification mails for its account. Answers the account. */
    public long unsubscribe(String token) {
        long account = signedLinks
                .verify(token)
                .filter(payload -> payload.startsWith(UNSUBSCRIBE_PREFIX))
                .map(payload -> Long.valueOf(payload.substring(UNSUBSCRIBE_PREFIX.length())))
                .orElseThrow(() -> ProblemException.badRequest(
                        "This unsubscribe link is not valid. Copy the whole link from the mail, or change your"
                                + " mail choice on the notifications page."));
        setMailChoice(account, MailChoice.NONE);
        LOG.info(() -> "Account " + account + " unsubscribed from notification mail by link");
        return account;
    }

    public String unsubscribeLink(long account) {
        return settings.baseUrl() + "/unsubscribe.xhtml?token=" + signedLinks.sign(UNSUBSCRIBE_PREFIX + account);
    }

    private String footer(long account) {
        return "\n--\nYou get this mail because of your notification settings: " + settings.baseUrl()
                + "/me/notifications.xhtml\nTo stop all notification mails, open: " + unsubscribeLink(account) + "\n";
    }

    /** Writes one digest mail per account with notifications waiting; answers how many mails were written. */
    public int sendDigests() {
        List<?> accounts = em.createNativeQuery(
                        "select distinct account_id from notification where mail = ? order by 1")
                .setParameter(1, Notification.Mail.DIGEST.name())
                .getResultList();
        int mails = 0;
        for (Object row : accounts) {
            long account = ((Number) row).longValue();
            @SuppressWarnings("unchecked")
            List<Long> ids = em
                    .createNativeQuery("select id from notification where account_id = ? and mail = ? order by id"
                            + " for update skip locked")
                    .setParameter(1, account)
                    .setParameter(2, Notification.Mail.DIGEST.name())
                    .getResultList()
                    .stream()
                    .map(id -> ((Number) id).longValue())
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            List<Notification> waiting = em.createQuery(
                            "select n from Notification n where n.id in :ids order by n.id", Notification.class)
                    .setParameter("ids", ids)
                    .getResultList();
            waiting.forEach(Notification::digested);
            // The reader's rights now: a disabled account gets no mail, a lapsed member no members' titles.
            Person reader = people.byId(account).filter(Person::active).orElse(null);
            if (reader == null) {
                continue;
            }
            boolean readsMembersOnly = reader.has(Role.MEMBER) || reader.has(Role.STAFF);
            StringBuilder body = new StringBuilder("Since your last digest:\n\n");
            for (Notification n : waiting) {
                NotificationView shown = NotificationView.of(n, readsMembersOnly);
                body.append("- ")
                        .append(shown.text())
                        .append("\n  ")
                        .append(settings.baseUrl())
                        .append(shown.link())
                        .append('\n');
            }
            String email = reader.email();
            mailer.send(
                    email,
                    "CTO Forum digest: " + waiting.size() + " notification" + (waiting.size() == 1 ? "" : "s"),
                    body.append(footer(account)).toString());
            mails++;
        }
        int written = mails;
        LOG.info(() -> "Daily digest: " + written + " mail(s) written to the outbox");
        return written;
    }

    private long unreadCount(long account) {
        return em.createQuery(
                        "select count(n) from Notification n where n.accountId = :a and n.readAt is null", Long.class)
                .setParameter("a", account)
                .getSingleResult();
    }

    private MailChoice mailChoice(long account) {
        Optional<?> stored = em.createNativeQuery("select mail from notification_preference where account_id = ?")
                .setParameter(1, account)
                .getResultStream()
                .findFirst();
        return stored.map(value -> MailChoice.valueOf(value.toString())).orElse(MailChoice.IMMEDIATE);
    }

    private void setMailChoice(long account, MailChoice choice) {
        em.createNativeQuery("insert into notification_preference (account_id, mail) values (?, ?)"
                        + " on conflict (account_id) do update set mail = excluded.mail")
                .setParameter(1, account)
                .setParameter(2, choice.name())
                .executeUpdate();
    }
}
