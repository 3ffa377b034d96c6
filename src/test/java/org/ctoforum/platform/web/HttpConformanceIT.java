package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 25: HTTP as RFC 9110 has it. One Date on every answer, dates as IMF-fixdate, conditional GETs of files,
 * calendars and feeds, 414 for an over-long address, 404 under /health for what is no check, problem bodies in
 * UTF-8, and Atom feeds that name themselves and never say 1970.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpConformanceIT {

    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"
                    + " \\d{2}:\\d{2}:\\d{2} GMT");
    private static final String STAFF = "staff@demo.local";
    private static final String PUBLIC_REPORT = "/reports/cybersecurity-top-priority-2020/download";
    private static final String LONG_QUERY = "?q=" + "a".repeat(9_000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;

    @BeforeEach
    void connect() {
        portal = new Portal(base);
    }

    @Test
    void everyKindOfAnswerCarriesOneDateAsImfFixdate() {
        List<String> paths = List.of(
                "/",
                "/signin.xhtml",
                "/me/agenda.xhtml",
                "/reports/cybersecurity-top-priority-2020",
                PUBLIC_REPORT,
                "/reports/cybersecurity-top-priority-2020/cover.png",
                "/reports/accelerators-2026/download",
                "/feeds/reports.atom",
                "/feeds/agenda/no-such-calendar-token.ics",
                "/feeds/nothing-here",
                "/api/ping",
                "/api/threads/999999999",
                "/api/admin/dashboard",
                "/health",
                "/health/nothing-here",
                "/no-such-page.xhtml",
                "/no-such-thing",
                "/resources/css/portal.css",
                "/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga",
                "/api/ping" + LONG_QUERY);
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> answer = portal.bytes(path, List.of());
            checkDate(path.substring(0, Math.min(path.length(), 60)), answer, wrong);
        }
        HttpResponse<byte[]> refusedSignIn = portal.bytes("/api/me", List.of(), "member@demo.local", "wrong password");
        assertEquals(401, refusedSignIn.statusCode());
        checkDate("/api/me with a wrong password", refusedSignIn, wrong);
        assertEquals(List.of(), wrong);
    }

    private static void checkDate(String where, HttpResponse<byte[]> answer, List<String> wrong) {
        List<String> dates = answer.headers().allValues("Date");
        String label = where + " (" + answer.statusCode() + "): " + dates;
        if (dates.size() != 1 || !IMF_FIXDATE.matcher(dates.get(0)).matches()) {
            wrong.add(label);
        } else {
            Instant said = HttpDates.parse(dates.get(0)).orElseThrow();
            if (Duration.between(said, Instant.now()).abs().toMinutes() > 1) {
                wrong.add(label + " is not now");
            }
        }
    }

    @Test
    void reportFilesAnswerIfModifiedSinceAfterIfNoneMatch() {
        HttpResponse<byte[]> file = portal.bytes(PUBLIC_REPORT, List.of());
        assertEquals(200, file.statusCode());
        String etag = file.headers().firstValue("ETag").orElseThrow();
        String lastModified = file.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(IMF_FIXDATE.matcher(lastModified).matches(), lastModified);
        String earlier =
                HttpDates.format(HttpDates.parse(lastModified).orElseThrow().minusSeconds(1));
        String future = HttpDates.format(Instant.now().plus(Duration.ofDays(1)));

        assertNotModified(portal.bytes(PUBLIC_REPORT, List.of("If-None-Match", etag)), etag, lastModified);
        assertNotModified(portal.bytes(PUBLIC_REPORT, List.of("If-Modified-Since", lastModified)), etag, lastModified);
        assertEquals(200, status(PUBLIC_REPORT, "If-Modified-Since", earlier));
        assertEquals(200, status(PUBLIC_REPORT, "If-Modified-Since", future), "a date in the future is ignored");
        assertEquals(200, status(PUBLIC_REPORT, "If-Modified-Since", "not a date"));
        assertEquals(
                200,
                portal.bytes(PUBLIC_REPORT, List.of("If-None-Match", "\"other\"", "If-Modified-Since", lastModified))
                        .statusCode(),
                "If-None-Match decides when both are sent");
    }

    @Test
    void calendarsAndFeedsAnswerConditionalRequests() {
        long edition = publishedEditionWithoutChanges();
        String feedUrl = portal.postJson("/api/me/calendar-feed", "", "member@demo.local")
                .json()
                .getString("url");
        List<String> paths = List.of(
                "/api/forums/" + edition + "/agenda.ics",
                feedUrl.substring(feedUrl.indexOf("/feeds/")),
                "/feeds/forums/" + edition + "/changes.atom",
                "/feeds/reports.atom");
        for (String path : paths) {
            HttpResponse<byte[]> first = portal.bytes(path, List.of());
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path));
            assertEquals(
                    etag,
                    portal.bytes(path, List.of()).headers().firstValue("ETag").orElseThrow(),
                    path + ": the same content, the same tag");
            String lastModified = first.headers().firstValue("Last-Modified").orElse(null);
            assertNotModified(portal.bytes(path, List.of("If-None-Match", etag)), etag, lastModified);
            assertNotModified(portal.bytes(path, List.of("If-None-Match", "W/" + etag)), etag, lastModified);
            assertEquals(200, status(path, "If-None-Match", "\"something-else\""), path);
            if (path.contains("/feeds/agenda/")) {
                // A personal agenda loses sessions without a trace of when, so it has no Last-Modified.
                continue;
            }
            assertNotNull(lastModified, path);
            assertTrue(IMF_FIXDATE.matcher(lastModified).matches(), path + ": " + lastModified);
            assertNotModified(portal.bytes(path, List.of("If-Modified-Since", lastModified)), etag, lastModified);
            String earlier =
                    HttpDates.format(HttpDates.parse(lastModified).orElseThrow().minusSeconds(60));
            assertEquals(200, status(path, "If-Modified-Since", earlier), path);
        }
    }

    @Test
    void atomFeedsNameThemselvesAndAnEmptyOneIsNotFrom1970() {
        long edition = publishedEditionWithoutChanges();
        String changes = "/feeds/forums/" + edition + "/changes.atom";
        for (String path : List.of(changes, "/feeds/reports.atom")) {
            String atom = portal.get(path).body();
            Matcher self =
                    Pattern.compile("<link rel=\"self\"[^>]* href=\"([^\"]+)\"").matcher(atom);
            assertTrue(self.find(), path + ": " + atom);
            assertTrue(self.group(1).startsWith("http") && self.group(1).endsWith(path), self.group(1));
        }
        String empty = portal.get(changes).body();
        assertFalse(empty.contains("<entry"), empty);
        assertFalse(empty.contains("1970"), empty);
        Matcher updated = Pattern.compile("<updated>(\\d{4})-").matcher(empty);
        assertTrue(updated.find(), empty);
        assertNotEquals("1970", updated.group(1));
    }

    @Test
    void anOverLongAddressIsA414Problem() {
        Portal.Answer refused = portal.get("/api/ping" + LONG_QUERY);
        assertEquals(414, refused.status(), refused.toString());
        assertEquals(
                "application/problem+json;charset=UTF-8",
                refused.header("Content-Type").replace(" ", ""));
        assertEquals(414, refused.json().getInt("status"));
        assertEquals(200, portal.get("/api/ping?q=" + "a".repeat(7_000)).status(), "a long but fair address passes");
    }

    @Test
    void onlyTheHealthChecksLiveUnderHealth() {
        for (String check : List.of("/health", "/health/live", "/health/ready", "/health/started")) {
            Portal.Answer answer = portal.get(check);
            assertEquals(200, answer.status(), check + ": " + answer);
            assertEquals("UP", answer.json().getString("status"), check);
        }
        for (String other : List.of("/health/anything", "/health/ready/more", "/health/")) {
            Portal.Answer answer = portal.get(other);
            assertEquals(404, answer.status(), other + ": " + answer);
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), other);
        }
    }

    @Test
    void problemsOutsideTheApiSayUtf8() {
        for (String path : List.of(
                "/feeds/nothing-here",
                "/feeds/agenda/no-such-calendar-token.ics",
                "/reports/no-such-report/download",
                "/health/anything")) {
            Portal.Answer answer = portal.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals(
                    "application/problem+json;charset=UTF-8",
                    answer.header("Content-Type").replace(" ", ""),
                    path);
        }
    }

    private long publishedEditionWithoutChanges() {
        Portal.Answer created = portal.postJson(
                "/api/forums",
                "{\"title\":\"Conformance forum " + UUID.randomUUID().toString().substring(0, 6)
                        + "\",\"startDate\":\"2030-03-15\",\"endDate\":\"2030-03-16\",\"timeZone\":\"UTC\","
                        + "\"format\":\"VIRTUAL\",\"capacity\":5,\"status\":\"PUBLISHED\"}",
                STAFF);
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    private int status(String path, String header, String value) {
        return portal.bytes(path, List.of(header, value)).statusCode();
    }

    private static void assertNotModified(HttpResponse<byte[]> answer, String etag, String lastModified) {
        String where = answer.uri().getPath();
        assertEquals(304, answer.statusCode(), where);
        assertEquals(0, answer.body().length, where + ": a 304 has no body");
        assertEquals(etag, answer.headers().firstValue("ETag").orElse(null), where);
        assertEquals(lastModified, answer.headers().firstValue("Last-Modified").orElse(null), where);
    }
}
