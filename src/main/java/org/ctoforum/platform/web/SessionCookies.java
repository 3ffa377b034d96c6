package org.ctoforum.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.ctoforum.platform.settings.Settings;

/**
 * The session cookie: HttpOnly always, Secure whenever the portal is served over TLS. SameSite=Lax is set in
 * payara-web.xml, because Payara ignores SameSite given here.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("PORTAL_SESSION");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.baseUrl().startsWith("https://"));
    }
}
