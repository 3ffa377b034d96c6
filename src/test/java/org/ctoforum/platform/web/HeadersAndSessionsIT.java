package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 8, point 6: the headers on every kind of response, the session's life from sign-in to sign-out, disabling
 * and a new password, and state changes without their token refused on both the pages and the API.
 */
@RunAsClient
class HeadersAndSessionsIT extends BrowserTest {

    private static final String SESSION_COOKIE = "PORTAL_SESSION";
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Portal portal = new Portal(base);
        List<String> paths = List.of(
                "/",
                "/signin.xhtml",
                "/discussions/index.xhtml",
                "/reports/cybersecurity-top-priority-2020",
                "/reports/cybersecurity-top-priority-2020/download",
                "/reports/cybersecurity-top-priority-2020/cover.png",
                "/reports/accelerators-2026/download",
                "/reports/no-such-report/download",
                "/feeds/reports.atom",
                "/feeds/agenda/no-such-calendar-token.ics",
                "/api/ping",
                "/api/search?q=budget",
                "/api/threads/999999999",
                "/api/admin/dashboard",
                "/no-such-page.xhtml",
                "/no-such-thing",
                "/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga");
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> answer = portal.bytes(path, List.of());
            List<String> policies = answer.headers().allValues("Content-Security-Policy");
            String where = path + " (" + answer.statusCode() + ")";
            if (policies.stream().noneMatch(policy -> policy.contains("frame-ancestors 'none'"))) {
                missing.add(where + ": frame-ancestors");
            }
            if (!"nosniff"
                    .equals(answer.headers()
                            .firstValue("X-Content-Type-Options")
                            .orElse(null))) {
                missing.add(where + ": nosniff");
            }
            if (answer.headers().firstValue("Referrer-Policy").isEmpty()) {
                missing.add(where + ": Referrer-Policy");
            }
        }
        assertEquals(List.of(), missing);

        for (String page : List.of("/", "/signin.xhtml", "/discussions/index.xhtml")) {
            List<String> policies = portal.get(page).response().headers().allValues("Content-Security-Policy");
            assertTrue(
                    policies.stream()
                            .anyMatch(policy -> policy.contains("script-src")
                                    && policy.contains("'nonce-")
                                    && !policy.contains("unsafe-inline")
                                    && !policy.contains("unsafe-eval")),
                    page + ": " + policies);
        }
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOnesAreWorthNothing() {
        Portal portal = new Portal(base);
        String email = signUp(portal);
        browser.get(page("/signin.xhtml"));
        String anonymous = sessionCookie();
        signInAndWait(email, PASSWORD);
        String signedIn = sessionCookie();

        assertNotEquals(anonymous, signedIn, "a fixed session id would let whoever planted it in");
        assertEquals(401, me(portal, anonymous).status());
        assertEquals(200, me(portal, signedIn).status());

        browser.findElement(By.cssSelector("#signout input[type=submit], #signout button"))
                .click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-link")));
        assertEquals(401, me(portal, signedIn).status(), "signing out ends the session on the server");
    }

    @Test
    void aNewPasswordOrADisabledAccountEndsTheSessions() {
        Portal portal = new Portal(base);
        String email = signUp(portal);
        signInAndWait(email, PASSWORD);
        String elsewhere = sessionCookie();

        // The password changed through the API, say from another device: this browser is signed out.
        String second = PASSWORD + " two";
        Portal.Answer changed = portal.putJson(
                "/api/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + second + "\"}",
                email,
                PASSWORD);
        assertEquals(204, changed.status(), changed.toString());
        assertEquals(401, me(portal, elsewhere).status());
        browser.get(page("/index.xhtml"));
        assertTrue(browser.findElements(By.id("account-name")).isEmpty());

        // The page that changes the password keeps its own session and no other.
        signInAndWait(email, second);
        String here = sessionCookie();
        browser.get(page("/me/profile.xhtml"));
        browser.findElement(By.id("password:current")).sendKeys(second);
        browser.findElement(By.id("password:new")).sendKeys(PASSWORD + " three");
        browser.findElement(By.id("password:again")).sendKeys(PASSWORD + " three");
        browser.findElement(By.id("password:change")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "signed out everywhere else"));
        assertEquals(200, me(portal, here).status(), "the session that chose the password stays signed in");

        String id = String.valueOf(portal.get("/api/me", email, PASSWORD + " three")
                .json()
                .getJsonNumber("id")
                .longValue());
        assertEquals(
                200,
                portal.putJson("/api/admin/members/" + id + "/disabled", "{\"disabled\":true}", "staff@demo.local")
                        .status());
        assertEquals(401, me(portal, here).status(), "a disabled account's session ends at once");
    }

    @Test
    void writesWithoutTheirTokenAreRefused() {
        Portal portal = new Portal(base);
        String email = signUp(portal);
        signInAndWait(email, PASSWORD);
        String cookie = sessionCookie();

        // The API takes the session cookie for reading only: a cross-site form cannot write through it.
        Portal.Answer post = portal.send(portal.request("/api/me/tokens")
                .header("Cookie", SESSION_COOKIE + "=" + cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}")));
        assertEquals(401, post.status(), post.toString());
        assertEquals("application/problem+json", post.header("Content-Type").split(";")[0]);

        // A page form posted without its view state, or with one from another session, changes nothing.
        String otherViewState = viewState(portal.get("/signin.xhtml").body());
        for (String viewState : new String[] {null, otherViewState}) {
            StringBuilder form = new StringBuilder("profile=profile&profile%3AdisplayName=Forged+Name"
                    + "&profile%3Adistrict=&profile%3AjobTitle=&profile%3Asave=");
            if (viewState != null) {
                form.append("&jakarta.faces.ViewState=").append(URLEncoder.encode(viewState, StandardCharsets.UTF_8));
            }
            Portal.Answer forged = portal.send(portal.request("/me/profile.xhtml")
                    .header("Cookie", SESSION_COOKIE + "=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
            if (viewState == null) {
                // Without a view state it is no postback: the page is shown, and nothing runs.
                assertEquals(200, forged.status(), forged.toString());
                continue;
            }
            // With another's, it is refused before anything runs and sent back to the page, which says so.
            assertEquals(302, forged.status(), forged.toString());
            assertTrue(forged.header("Location").endsWith("/me/profile.xhtml"), forged.toString());
            List<String> flashCookies = forged.response().headers().allValues("Set-Cookie").stream()
                    .filter(setCookie -> !setCookie.startsWith(SESSION_COOKIE + "="))
                    .toList();
            assertFalse(flashCookies.isEmpty(), forged.toString());
            // Payara's JSESSIONIDVERSION (a distributable session's version) is among them; it writes "lax", and
            // the attribute's value is matched without regard to case (RFC 6265bis 5.4.7).
            flashCookies.forEach(setCookie -> {
                assertTrue(setCookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), setCookie);
                assertTrue(setCookie.contains("HttpOnly"), setCookie);
            });
            String flash = flashCookies.stream()
                    .map(setCookie -> setCookie.split(";")[0])
                    .filter(pair -> !pair.startsWith(SESSION_COOKIE + "="))
                    .collect(Collectors.joining("; "));
            Portal.Answer page = portal.send(portal.request("/me/profile.xhtml")
                    .header("Cookie", SESSION_COOKIE + "=" + cookie + "; " + flash)
                    .GET());
            assertEquals(200, page.status(), page.toString());
            assertTrue(page.body().contains(UnrestorableForms.MESSAGE), page.body());
        }
        // A form posted where it may not go, or to no page at all, gets the error page a GET would.
        Map.of("/admin/index.xhtml", 403, "/no-such-page.xhtml", 404).forEach((target, status) -> {
            Portal.Answer refused = portal.send(portal.request(target)
                    .header("Cookie", SESSION_COOKIE + "=" + cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "jakarta.faces.ViewState=" + URLEncoder.encode(otherViewState, StandardCharsets.UTF_8))));
            assertEquals(status, refused.status(), refused.toString());
            assertTrue(refused.body().contains("CTO Forum"), "the portal's own error page: " + refused);
        });
        assertEquals(
                "Test Person",
                portal.get("/api/me", email, PASSWORD).json().getString("displayName"),
                "the forged posts changed nothing");
        assertEquals(200, me(portal, cookie).status(), "and the session is still good");
    }

    private String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed(SESSION_COOKIE);
        assertNotNull(cookie, "the browser holds a session cookie");
        return cookie.getValue();
    }

    private static Portal.Answer me(Portal portal, String sessionCookie) {
        return portal.send(portal.request("/api/me")
                .header("Cookie", SESSION_COOKIE + "=" + sessionCookie)
                .GET());
    }

    private static String signUp(Portal portal) {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"Test Person\",\"district\":\"Test District\","
                + "\"jobTitle\":\"CTO\",\"password\":\"" + PASSWORD + "\"}");
        return email;
    }

    private static String viewState(String html) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(state.find(), "the sign-in page has a view state");
        return state.group(1);
    }
}
