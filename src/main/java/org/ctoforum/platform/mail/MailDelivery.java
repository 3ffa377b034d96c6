package org.ctoforum.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.logging.Logger;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Sends what waits in the outbox every few seconds, outside any transaction: a slow SMTP server holds no database
 * connection or lock. Rows are claimed with SKIP LOCKED and a lease ({@link Outbox}), so several portal nodes can
 * run this job without sending a mail twice. With no SMTP host configured, mails go to the log instead.
 */
@Startup
@Singleton
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    private static final int BATCH = 25;

    @Inject
    Outbox outbox;

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
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver() {
        for (Outbox.Claimed mail : outbox.claim(OffsetDateTime.now(clock), BATCH)) {
            if (session == null) {
                LOG.info(() -> "Mail to " + mail.recipient() + ": " + mail.subject() + "\n" + mail.body());
                outbox.logged(mail.id(), OffsetDateTime.now(clock));
                continue;
            }
            try {
                Transport.send(toMessage(mail));
                outbox.sent(mail.id(), OffsetDateTime.now(clock));
                LOG.info(() -> "Sent mail " + mail.id() + " to " + mail.recipient() + ": " + mail.subject());
            } catch (MessagingException e) {
                OutgoingMail failed = outbox.failed(mail.id(), e.toString(), OffsetDateTime.now(clock));
                LOG.warning(() -> "Mail " + mail.id() + " to " + mail.recipient() + " failed (attempt "
                        + failed.attempts() + ", " + failed.status() + "): " + e.getMessage());
            }
        }
    }

    private MimeMessage toMessage(Outbox.Claimed mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.text(PortalSetting.MAIL_FROM)));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }
}
