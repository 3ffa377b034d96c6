package org.ctoforum.notifications.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ctoforum.notifications.boundary.Notifications;
import org.ctoforum.platform.web.PageMessages;

/**
 * Where a mail's unsubscribe link lands. Opening it changes nothing (mail scanners open links); the button does.
 */
@Named
@RequestScoped
public class UnsubscribePage {

    @Inject
    Notifications notifications;

    private String token;
    private boolean done;

    public void unsubscribe() {
        if (PageMessages.attempt(() -> notifications.unsubscribe(token))) {
            done = true;
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isDone() {
        return done;
    }
}
