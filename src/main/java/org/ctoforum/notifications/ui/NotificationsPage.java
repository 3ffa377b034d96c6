package org.ctoforum.notifications.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.notifications.boundary.Notifications;
import org.ctoforum.notifications.entity.MailChoice;
import org.ctoforum.platform.web.PageMessages;

/** The caller's notifications, marking them read, and the choice of mail. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Notifications notifications;

    private Notifications.Inbox inbox;
    private String mail;

    public void load() {
        inbox = notifications.inbox(null, 50);
        mail = notifications.mailChoice().name();
    }

    public void markAllRead() {
        notifications.markRead(List.of());
        load();
        PageMessages.info("All notifications are marked read.");
    }

    public void saveMail() {
        if (PageMessages.attempt(() -> notifications.chooseMail(MailChoice.valueOf(mail)))) {
            PageMessages.info(
                    switch (MailChoice.valueOf(mail)) {
                        case IMMEDIATE -> "You will get a mail for each notification.";
                        case DIGEST -> "You will get one mail a day with your notifications.";
                        case NONE -> "You will get no notification mails; they stay here.";
                    });
        }
    }

    public Notifications.Inbox getInbox() {
        return inbox;
    }

    public String getMail() {
        return mail;
    }

    public void setMail(String mail) {
        this.mail = mail;
    }
}
