package org.ctoforum.forums.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.core.ConditionTimeoutException;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TestServices;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Forums through the REST API on a real Payara Micro and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumsApiIT {

    private static final String STAFF = "staff@demo.local";
    private static final LocalDate FIRST_DAY = LocalDate.now().plusMonths(4);

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

    private long edition(int capacity, String status) {
        Portal.Answer created = portal.postJson(
                "/api/forums",
                "{\"title\":\"Test forum " + UUID.randomUUID().toString().substring(0, 6) + "\",\"startDate\":\""
                        + FIRST_DAY + "\",\"endDate\":\"" + FIRST_DAY.plusDays(1)
                        + "\",\"timeZone\":\"America/Chicago\","
                        + "\"format\":\"HYBRID\",\"capacity\":" + capacity + ",\"status\":\"" + status + "\"}",
                STAFF);
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    private long room(long edition, String name, int capacity) {
        Portal.Answer room = portal.postJson(
                "/api/forums/" + edition + "/rooms",
                "{\"name\":\"" + name + "\",\"capacity\":" + capacity + "}",
                STAFF);
        assertEquals(201, room.status(), room.toString());
        return room.json().getJsonNumber("id").longValue();
    }

    private Portal.Answer session(long edition, String title, String start, String end, long room, String facilitator) {
        return portal.postJson(
                "/api/forums/" + edition + "/sessions",
                "{\"title\":\"" + title + "\",\"start\":\"" + FIRST_DAY + "T" + start + "\",\"end\":\"" + FIRST_DAY
                        + "T"
                        + end + "\",\"roomId\":" + room + ",\"facilitatorEmails\":[\"" + facilitator + "\"],"
                        + "\"topic\":\"Cybersecurity\",\"abstractMarkdown\":\"**Bold** <script>alert(1)</script>\"}",
                STAFF);
    }

    /** A new member with a token, so many can act at once without paying for password checks. */
    private String newMemberToken() {
        String email = "forum-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        long id = portal.signUp(
                "{\"email\":\"" + email + "\",\"displayName\":\"Forum Tester\",\"password\":\"a forum passphrase\"}");
        portal.putJson("/api/admin/members/" + id + "/membership", "{\"start\":\"2020-01-01\"}", STAFF);
        return portal.postJson("/api/me/tokens", "{\"name\":\"it\"}", email, "a forum passphrase")
                .json()
                .getString("token");
    }

    private Portal.Answer asToken(String token, String method, String path) {
        return asToken(token, method, path, "");
    }

    private Portal.Answer asToken(String token, String method, String path, String json) {
        return portal.send(portal.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theCalendarAddressIsShownAgainAndReplacedOnlyWhenAsked() {
        String member = newMemberToken();
        String feed = "/api/me/calendar-feed";
        Portal.Answer none = asToken(member, "GET", feed);
        assertEquals(404, none.status(), none.toString());
        assertEquals("/problems/not-found", none.json().getString("type"));

        Portal.Answer made = asToken(member, "POST", feed);
        assertEquals(201, made.status(), made.toString());
        assertTrue(made.header("Location").endsWith(feed), made.header("Location"));
        String url = made.json().getString("url");
        assertTrue(made.json().getString("webcal").startsWith("webcal://"));
        OffsetDateTime createdAt = OffsetDateTime.parse(made.json().getString("createdAt"));

        Portal.Answer shown = asToken(member, "GET", feed);
        assertEquals(200, shown.status(), shown.toString());
        assertEquals(url, shown.json().getString("url"), "the same address, shown again");
        assertEquals(
                createdAt.toInstant(),
                OffsetDateTime.parse(shown.json().getString("createdAt")).toInstant());

        Portal.Answer again = asToken(member, "POST", feed);
        assertEquals(409, again.status(), again.toString());
        assertEquals("/problems/conflict", again.json().getString("type"));
        assertTrue(again.json().getString("detail").contains("{\"replace\": true}"), again.toString());
        assertEquals(200, portal.get(pathOf(url)).status(), "a refused POST leaves the subscribed address working");

        Portal.Answer replaced = asToken(member, "POST", feed, "{\"replace\": true}");
        assertEquals(201, replaced.status(), replaced.toString());
        String newUrl = replaced.json().getString("url");
        assertNotEquals(url, newUrl);
        assertEquals(404, portal.get(pathOf(url)).status(), "the replaced address stops working");
        assertEquals(200, portal.get(pathOf(newUrl)).status());
        assertEquals(newUrl, asToken(member, "GET", feed).json().getString("url"));
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/feeds/"));
    }

    @Test
    void scheduleRulesAnswerWithTheConflictingSession() {
        long edition = edition(50, "DRAFT");
        long hall = room(edition, "Hall", 40);
        long annex = room(edition, "Annex", 20);
        Portal.Answer keynote = session(edition, "Opening keynote", "09:00", "10:00", hall, STAFF);
        assertEquals(201, keynote.status(), keynote.toString());
        assertFalse(keynote.json().getString("abstractHtml").contains("<script"), "abstracts are sanitized");
        assertTrue(keynote.json().getString("abstractHtml").contains("<strong>Bold</strong>"));

        Portal.Answer roomClash = session(edition, "Clash", "09:30", "10:30", hall, "admin@demo.local");
        assertEquals(409, roomClash.status(), roomClash.toString());
        assertEquals("/problems/schedule-conflict", roomClash.json().getString("type"));
        assertTrue(roomClash.json().getString("detail").contains("Opening keynote"));
        assertEquals(
                keynote.json().getJsonNumber("id").toString(),
                roomClash.json().get("conflictingSessionId").toString());

        Portal.Answer personClash = session(edition, "Elsewhere", "09:30", "10:30", annex, STAFF);
        assertEquals(409, personClash.status());
        assertTrue(personClash.json().getString("detail").contains("facilitator"));

        assertEquals(
                201,
                session(edition, "Right after", "10:00", "11:00", hall, STAFF).status(),
                "back to back");
        assertEquals(
                400,
                session(edition, "Backwards", "11:00", "10:00", annex, STAFF).status());
        Portal.Answer outside = portal.postJson(
                "/api/forums/" + edition + "/sessions",
                "{\"title\":\"Too late\",\"start\":\"" + FIRST_DAY.plusDays(5) + "T09:00\",\"end\":\""
                        + FIRST_DAY.plusDays(5) + "T10:00\",\"roomId\":" + annex + "}",
                STAFF);
        assertEquals(400, outside.status());
        assertTrue(outside.json().getString("detail").contains("outside the edition"));
        assertEquals(
                404,
                session(edition, "Nowhere", "12:00", "13:00", 999_999, STAFF).status());
        Portal.Answer tooMany = portal.postJson(
                "/api/forums/" + edition + "/sessions",
                "{\"title\":\"Crowded\",\"start\":\"" + FIRST_DAY + "T12:00\",\"end\":\"" + FIRST_DAY
                        + "T13:00\",\"roomId\":" + annex + ",\"capacity\":21}",
                STAFF);
        assertEquals(400, tooMany.status());

        Portal.Answer check = portal.postJson(
                "/api/forums/" + edition + "/sessions/check",
                "{\"title\":\"Probe\",\"start\":\"" + FIRST_DAY + "T09:15\",\"end\":\"" + FIRST_DAY
                        + "T09:45\",\"roomId\":" + hall + "}",
                STAFF);
        assertEquals(200, check.status(), check.toString());
        assertFalse(check.json().getBoolean("ok"), check.toString());
        assertEquals("Opening keynote", check.json().getString("conflictingSessionTitle"));

        assertEquals(
                403,
                portal.postJson(
                                "/api/forums/" + edition + "/rooms",
                                "{\"name\":\"X\",\"capacity\":3}",
                                "member@demo.local")
                        .status());
        assertEquals(
                404, portal.get("/api/forums/" + edition, "member@demo.local").status(), "drafts are invisible");
    }

    @Test
    void editionInputIsCheckedFieldByField() {
        Portal.Answer zone = portal.postJson(
                "/api/forums",
                "{\"title\":\"T\",\"startDate\":\"2027-03-15\","
                        + "\"endDate\":\"2027-03-16\",\"timeZone\":\"Mars/Base\",\"format\":\"VIRTUAL\",\"capacity\":5}",
                STAFF);
        assertEquals(400, zone.status());
        assertTrue(zone.json().getString("detail").contains("timeZone"));
        Portal.Answer order = portal.postJson(
                "/api/forums",
                "{\"title\":\"T\",\"startDate\":\"2027-03-16\","
                        + "\"endDate\":\"2027-03-15\",\"timeZone\":\"UTC\",\"format\":\"VIRTUAL\",\"capacity\":5}",
                STAFF);
        assertEquals(400, order.status());
        assertTrue(order.json().getString("detail").contains("before the start date"));
        Portal.Answer window = portal.postJson(
                "/api/forums",
                "{\"title\":\"T\",\"startDate\":\"2027-03-15\",\"endDate\":\"2027-03-16\",\"timeZone\":\"UTC\","
                        + "\"format\":\"VIRTUAL\",\"capacity\":5,\"registrationOpens\":\"2027-02-01T09:00:00Z\","
                        + "\"registrationCloses\":\"2027-01-01T09:00:00Z\"}",
                STAFF);
        assertEquals(400, window.status(), window.toString());
        assertEquals("/problems/validation", window.json().getString("type"));
        assertTrue(window.json().getString("detail").contains("registrationOpens"), window.toString());
        assertTrue(window.json().getString("detail").contains("registrationCloses"), window.toString());
    }

    @Test
    void sessionTimesCarryTheirOffsetAndTheEditionsZone() {
        long edition = edition(10, "PUBLISHED");
        long hall = room(edition, "Hall", 40);
        Portal.Answer made = session(edition, "Zoned", "09:00", "10:30", hall, STAFF);
        assertEquals(201, made.status(), made.toString());
        ZoneId chicago = ZoneId.of("America/Chicago");
        JsonObject listed =
                portal.get("/api/forums/" + edition + "/sessions").array().getJsonObject(0);
        for (JsonObject view : List.of(made.json(), listed)) {
            assertEquals(
                    FIRST_DAY.atTime(9, 0).atZone(chicago).toOffsetDateTime(),
                    OffsetDateTime.parse(view.getString("start")),
                    "the local time and the offset Chicago has then");
            assertEquals(
                    FIRST_DAY.atTime(10, 30).atZone(chicago).toOffsetDateTime(),
                    OffsetDateTime.parse(view.getString("end")));
            assertEquals("America/Chicago", view.getString("timeZone"));
        }
        JsonObject shown = portal.get("/api/forums/" + edition).json();
        assertEquals(FIRST_DAY.toString(), shown.getString("startDate"), "a date stays a date");
        assertEquals("America/Chicago", shown.getString("timeZone"));
        assertTrue(
                shown.getString("registrationCloses").matches(".*T.*([+-]\\d\\d:\\d\\d|Z)$"),
                shown.getString("registrationCloses"));
    }

    @Test
    void noEditionOpensItsRegistrationAfterItCloses() {
        List<String> backwards = new ArrayList<>();
        for (JsonObject edition : portal.get("/api/forums").array().getValuesAs(JsonObject.class)) {
            if (edition.get("registrationOpens") instanceof jakarta.json.JsonString opens
                    && edition.get("registrationCloses") instanceof jakarta.json.JsonString closes
                    && OffsetDateTime.parse(opens.getString()).isAfter(OffsetDateTime.parse(closes.getString()))) {
                backwards.add(edition.getString("title"));
            }
        }
        assertEquals(List.of(), backwards, "the demo editions too");
    }

    @Test
    void simultaneousRegistrationsNeverExceedCapacityAndCancellationPromotes() throws Exception {
        int capacity = 4;
        long edition = edition(capacity, "PUBLISHED");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(newMemberToken());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (String token : tokens) {
            Callable<JsonObject> register = () -> {
                Portal.Answer answer = asToken(token, "POST", "/api/forums/" + edition + "/registrations");
                assertEquals(201, answer.status(), answer.toString());
                return answer.json();
            };
            answers.add(pool.submit(register));
        }
        List<JsonObject> results = new ArrayList<>();
        for (Future<JsonObject> answer : answers) {
            results.add(answer.get());
        }
        pool.shutdown();
        Map<String, Long> byStatus =
                results.stream().collect(Collectors.groupingBy(r -> r.getString("status"), Collectors.counting()));
        assertEquals(capacity, byStatus.get("REGISTERED"));
        assertEquals(10 - capacity, byStatus.get("WAITLISTED"));
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                results.stream()
                        .filter(r -> r.containsKey("position"))
                        .map(r -> r.getInt("position"))
                        .sorted()
                        .toList());

        String registered = tokens.get(results.indexOf(results.stream()
                .filter(r -> r.getString("status").equals("REGISTERED"))
                .findFirst()
                .orElseThrow()));
        String head = tokens.get(results.indexOf(results.stream()
                .filter(r -> r.containsKey("position") && r.getInt("position") == 1)
                .findFirst()
                .orElseThrow()));
        Portal.Answer again = asToken(registered, "POST", "/api/forums/" + edition + "/registrations");
        assertEquals("REGISTERED", again.json().getString("status"), "asking twice gives the same answer");
        assertEquals(
                10,
                portal.get("/api/forums/" + edition + "/registrations", STAFF)
                        .array()
                        .size(),
                "no duplicate row");

        assertEquals(
                204,
                asToken(registered, "DELETE", "/api/forums/" + edition + "/registrations/me")
                        .status());
        assertEquals(
                "REGISTERED",
                asToken(head, "GET", "/api/forums/" + edition + "/registrations/me")
                        .json()
                        .getString("status"));
        JsonObject after = portal.get("/api/forums/" + edition, STAFF).json();
        assertEquals(capacity, after.getInt("registered"));
        assertEquals(10 - capacity - 1, after.getInt("waitlisted"));
        assertTrue(awaitMail("You have a place"), "the promoted member is mailed");
    }

    @Test
    void nonMembersAndClosedEditionsAreRefusedClearly() {
        long edition = edition(10, "PUBLISHED");
        Portal.Answer reader = portal.postJson("/api/forums/" + edition + "/registrations", "", "reader@demo.local");
        assertEquals(403, reader.status());
        assertEquals("/problems/members-only", reader.json().getString("type"));
        assertTrue(reader.json().getString("detail").contains("Join"), reader.toString());
        assertEquals(
                401,
                portal.postJson("/api/forums/" + edition + "/registrations", "").status());

        Portal.Answer past = portal.postJson(
                "/api/forums",
                "{\"title\":\"Past forum\",\"startDate\":\"2020-03-15\","
                        + "\"endDate\":\"2020-03-16\",\"timeZone\":\"UTC\",\"format\":\"VIRTUAL\",\"capacity\":5,\"status\":\"PUBLISHED\"}",
                STAFF);
        Portal.Answer closed = portal.postJson(
                "/api/forums/" + past.json().getJsonNumber("id") + "/registrations", "", "member@demo.local");
        assertEquals(409, closed.status(), closed.toString());
        assertEquals("/problems/registration-closed", closed.json().getString("type"));
        assertTrue(closed.json().getString("detail").contains("closed"));
    }

    @Test
    void agendaCalendarsAndFeedsFollowTheSessions() throws Exception {
        long edition = edition(30, "PUBLISHED");
        long hall = room(edition, "Hall", 40);
        long first = session(edition, "Budget roundtable", "09:00", "10:00", hall, STAFF)
                .json()
                .getJsonNumber("id")
                .longValue();
        long second = session(edition, "Equity workshop", "10:00", "11:00", hall, "admin@demo.local")
                .json()
                .getJsonNumber("id")
                .longValue();
        long annex = room(edition, "Annex", 10);
        long overlapping = session(edition, "Parallel circle", "09:30", "10:30", annex, "lee.tanaka@mesa-verde.example")
                .json()
                .getJsonNumber("id")
                .longValue();

        String member = newMemberToken();
        assertEquals(200, asToken(member, "PUT", "/api/me/agenda/" + first).status());
        Portal.Answer clash = asToken(member, "PUT", "/api/me/agenda/" + overlapping);
        assertEquals(
                List.of("Budget roundtable").toString(),
                clash.json().getJsonArray("overlapsWith").toString().replace("\"", ""));

        Calendar editionCalendar =
                parse(portal.get("/api/forums/" + edition + "/agenda.ics").body());
        List<VEvent> events = editionCalendar.getComponents("VEVENT");
        assertEquals(3, events.size());
        assertTrue(events.stream().anyMatch(e -> e.getDateTimeStart().getValue().contains("T090000")));
        assertTrue(editionCalendar.toString().contains("TZID=America/Chicago"));

        Calendar mine = parse(asToken(member, "GET", "/api/me/agenda.ics").body());
        assertEquals(2, mine.getComponents("VEVENT").size());

        String feedUrl = asToken(member, "POST", "/api/me/calendar-feed").json().getString("url");
        String feedPath = feedUrl.substring(feedUrl.indexOf("/feeds/"));
        assertEquals(200, portal.get(feedPath).status(), "calendar apps fetch without signing in");

        Portal.Answer moved = portal.putJson(
                "/api/forums/" + edition + "/sessions/" + first,
                "{\"title\":\"Budget roundtable\",\"start\":\"" + FIRST_DAY.plusDays(1) + "T13:00\",\"end\":\""
                        + FIRST_DAY.plusDays(1) + "T14:00\",\"roomId\":" + hall
                        + ",\"facilitatorEmails\":[\"staff@demo.local\"]}",
                STAFF);
        assertEquals(200, moved.status(), moved.toString());
        String feed = portal.get(feedPath).body();
        assertTrue(feed.contains("SEQUENCE:2"), "the moved event replaces the old one");
        assertTrue(portal.get("/feeds/forums/" + edition + "/changes.atom")
                .body()
                .contains("Moved: \"Budget roundtable\""));
        assertTrue(awaitMail("Agenda change: Budget roundtable"));

        assertEquals(204, asToken(member, "DELETE", "/api/me/calendar-feed").status());
        assertEquals(404, portal.get(feedPath).status(), "a revoked address stops working");
        assertEquals(
                404,
                portal.get("/feeds/agenda/cal_guessedTokenThatDoesNotExist.ics").status());
        assertEquals(
                204,
                portal.delete("/api/forums/" + edition + "/sessions/" + second, STAFF)
                        .status());
        assertTrue(portal.get("/api/forums/" + edition + "/sessions/" + second)
                .json()
                .getBoolean("cancelled"));
    }

    @Test
    void aScribeWritesNotesThatMembersReadAndStaffSeeTheFigures() {
        long edition = edition(20, "PUBLISHED");
        long hall = room(edition, "Hall", 40);
        long session = session(edition, "Shared vision circle", "09:00", "10:00", hall, STAFF)
                .json()
                .getJsonNumber("id")
                .longValue();
        String path = "/api/forums/" + edition + "/sessions/" + session;

        Portal.Answer notYet = portal.putJson(path + "/notes", "{\"markdown\":\"Early notes\"}", "member2@demo.local");
        assertEquals(403, notYet.status(), "only staff or the scribe write notes");
        assertEquals(
                200,
                portal.putJson(path + "/scribe", "{\"email\":\"member2@demo.local\"}", STAFF)
                        .status());
        Portal.Answer written = portal.putJson(
                path + "/notes",
                "{\"markdown\":\"- Vision needs *repetition*\\n<img src=x onerror=alert(1)>\"}",
                "member2@demo.local");
        assertEquals(200, written.status(), written.toString());
        assertTrue(written.json().getString("notesHtml").contains("<em>repetition</em>"));
        assertFalse(written.json().getString("notesHtml").contains("<img"), "raw HTML in notes is never markup");
        assertTrue(written.json().getString("notesHtml").contains("&lt;img"), "it is shown as text");

        assertTrue(portal.get(path, "member@demo.local")
                .json()
                .getString("notesHtml")
                .contains("repetition"));
        assertEquals(
                "", portal.get(path).json().getString("notesHtml"), "anonymous readers see that notes exist, not them");
        assertEquals(
                "member2@demo.local", portal.get(path + "/form", STAFF).json().getString("scribeEmail"));
        assertEquals(403, portal.get(path + "/form", "member2@demo.local").status());

        portal.postJson("/api/forums/" + edition + "/registrations", "", "member@demo.local");
        portal.putJson("/api/me/agenda/" + session, "", "member@demo.local");
        JsonObject stats =
                portal.get("/api/forums/" + edition + "/stats", STAFF).json();
        assertEquals(1, stats.getJsonArray("registrations").getJsonObject(0).getInt("total"));
        JsonObject fill = stats.getJsonArray("fill").getJsonObject(0);
        assertEquals(1, fill.getInt("interested"));
        assertEquals(40, fill.getInt("seats"));
        assertEquals(
                403,
                portal.get("/api/forums/" + edition + "/stats", "member@demo.local")
                        .status());
    }

    @Test
    void staffAddTopicsAndCappedSessionsKeepAWaitlist() {
        String topic = "Esports " + UUID.randomUUID().toString().substring(0, 4);
        assertEquals(
                403,
                portal.postJson("/api/forums/topics", "{\"name\":\"" + topic + "\"}", "member@demo.local")
                        .status());
        assertEquals(
                201,
                portal.postJson("/api/forums/topics", "{\"name\":\"" + topic + "\"}", STAFF)
                        .status());
        assertEquals(
                409,
                portal.postJson("/api/forums/topics", "{\"name\":\"" + topic.toUpperCase() + "\"}", STAFF)
                        .status());
        assertTrue(portal.get("/api/forums/topics").body().contains(topic));

        long edition = edition(20, "PUBLISHED");
        long lab = room(edition, "Lab", 10);
        Portal.Answer capped = portal.postJson(
                "/api/forums/" + edition + "/sessions",
                "{\"title\":\"Tabletop\",\"start\":\"" + FIRST_DAY + "T09:00\",\"end\":\"" + FIRST_DAY
                        + "T10:00\",\"roomId\":" + lab + ",\"capacity\":1,\"topic\":\"" + topic + "\"}",
                STAFF);
        assertEquals(201, capped.status(), capped.toString());
        long session = capped.json().getJsonNumber("id").longValue();

        String first = newMemberToken();
        String second = newMemberToken();
        assertEquals(
                "REGISTERED",
                asToken(first, "PUT", "/api/me/agenda/" + session)
                        .json()
                        .getJsonObject("seat")
                        .getString("status"));
        JsonObject waiting =
                asToken(second, "PUT", "/api/me/agenda/" + session).json().getJsonObject("seat");
        assertEquals("WAITLISTED", waiting.getString("status"));
        assertEquals(1, waiting.getInt("position"));

        assertEquals(204, asToken(first, "DELETE", "/api/me/agenda/" + session).status());
        JsonObject promoted = asToken(second, "GET", "/api/me/agenda")
                .array()
                .getJsonObject(0)
                .getJsonObject("seat");
        assertEquals("REGISTERED", promoted.getString("status"), "the head of the session's waitlist moves up");
        assertEquals(
                1,
                portal.get("/api/forums/" + edition + "/sessions/" + session)
                        .json()
                        .getInt("seatsTaken"));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** Whether a mail whose subject starts with {@code subject} arrives within 12 s; the caller asserts it. */
    private static boolean awaitMail(String subject) {
        try {
            await().atMost(Duration.ofSeconds(12))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> mailed(subject));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static boolean mailed(String subject) throws Exception {
        for (MimeMessage message : TestServices.mail().getReceivedMessages()) {
            if (message.getSubject().startsWith(subject)) {
                return true;
            }
        }
        return false;
    }
}
