package org.ctoforum.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.ctoforum.platform.settings.Settings;

/**
 * The cookies that libraries set, such as Mojarra's flash cookie, get what the session cookie has: SameSite=Lax, and
 * Secure when the portal is served over TLS. HttpOnly stays each library's choice, since some cookies are read by
 * script.
 */
public class CookieDefaults extends HttpFilter {

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean secure = settings.baseUrl().startsWith("https://");
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addCookie(Cookie cookie) {
                if (cookie.getAttribute("SameSite") == null) {
                    cookie.setAttribute("SameSite", "Lax");
                }
                if (secure) {
                    cookie.setSecure(true);
                }
                super.addCookie(cookie);
            }
        });
    }
}
