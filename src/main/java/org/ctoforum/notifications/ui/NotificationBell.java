package org.ctoforum.notifications.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ctoforum.notifications.boundary.Notifications;

/** The unread count in the top bar, read once per request. */
@Named
@RequestScoped
public class NotificationBell {

    @Inject
    Notifications notifications;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = notifications.unreadCount();
        }
        return unread;
    }
}
