package org.ctoforum.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Sends what waits in the outbox every few seconds. Rows are claimed with SKIP LOCKED, so several portal nodes can
 * run this job without sending a mail twice. With no SMTP host configured, mails go to the log instead.
 */
@Startup
@Singleton
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final int BATCH = 25;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private Session session;

    @PostConstruct
    void connect() {
        String host = settings.text(PortalSetting.MAIL_HOST);
        if (host.isEmpty()) {
            LOG.info("Mail is off (portal.mail.host is empty): outgoing mails are written to the log");
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", settings.text(PortalSetting.MAIL_PORT));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", settings.text(PortalSetting.MAIL_STARTTLS));
        String user = settings.text(PortalSetting.MAIL_USER);
        Authenticator authenticator = null;
        if (!user.isEmpty()) {
            properties.put("mail.smtp.auth", "true");
            String password = settings.text(PortalSetting.MAIL_PASSWORD);
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        LOG.info(() -> "Mail goes through " + host + ":" + settings.text(PortalSetting.MAIL_PORT));
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void deliver() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = em.createNativeQuery(
                        "select * from outgoing_mail where status = 'PENDING' and next_attempt_at <= ?1"
                                + " order by id limit " + BATCH + " for update skip locked",
                        OutgoingMail.class)
                .setParameter(1, now)
                .getResultList();
        for (OutgoingMail mail : due) {
            if (session == null) {
                LOG.info(() -> "Mail to " + mail.recipient() + ": " + mail.subject() + "\n" + mail.body());
                mail.logged(now);
                continue;
            }
            try {
                Transport.send(toMessage(mail));
                mail.sent(now);
                LOG.info(() -> "Sent mail " + mail.id() + " to " + mail.recipient() + ": " + mail.subject());
            } catch (MessagingException e) {
                mail.failed(e.toString(), now);
                LOG.warning(() -> "Mail " + mail.id() + " to " + mail.recipient() + " failed (attempt "
                        + mail.attempts() + ", " + mail.status() + "): " + e.getMessage());
            }
        }
    }

    private MimeMessage toMessage(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.text(PortalSetting.MAIL_FROM)));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }
}
