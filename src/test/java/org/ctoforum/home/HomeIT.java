package org.ctoforum.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.Portal.Part;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The home page for a visitor, a member and staff, on the demo content: each card against what the feature's own
 * API answers the same reader, and the page against the cards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HomeIT {

    private static final String MEMBER = "member@demo.local";
    private static final String STAFF = "staff@demo.local";
    private static final String ADMIN = "admin@demo.local";
    private static final String PRESS = "press@demo.local";

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
    void aVisitorSeesTheLatestReportsAndEveryDiscussionTheyMayRead() {
        JsonObject home = portal.get("/api/home").json();
        List<JsonObject> released = portal.get("/api/reports").array().getValuesAs(JsonObject.class).stream()
                .filter(report -> report.getString("status").equals("PUBLISHED"))
                .sorted(Comparator.comparing((JsonObject report) -> OffsetDateTime.parse(report.getString("releaseAt")))
                        .reversed())
                .limit(5)
                .toList();
        assertEquals(5, released.size(), "the demo publishes more than five reports");
        assertEquals(titles(released), titles(home.getJsonArray("latestReports").getValuesAs(JsonObject.class)));
        home.getJsonArray("latestReports")
                .getValuesAs(JsonObject.class)
                .forEach(report -> assertEquals(
                        !released.stream()
                                .filter(r -> r.getString("title").equals(report.getString("title")))
                                .findFirst()
                                .orElseThrow()
                                .getBoolean("canDownload"),
                        report.getBoolean("locked"),
                        report.getString("title")));

        List<String> readable = titles(portal.get("/api/threads?size=100")
                .json()
                .getJsonArray("threads")
                .getValuesAs(JsonObject.class));
        List<String> active = titles(home.getJsonArray("activeDiscussions").getValuesAs(JsonObject.class));
        assertFalse(readable.isEmpty(), "the demo has a public thread");
        assertEquals(Math.min(5, readable.size()), active.size());
        assertTrue(readable.containsAll(active), active + " not all in " + readable);
        assertEquals(null, home.get("personal"));
        assertEquals(null, home.get("staff"));

        String page = text(portal.get("/").body());
        for (String title : concat(titles(released), active)) {
            assertTrue(page.contains(folded(title)), "the home page lacks " + title);
        }
        for (JsonObject entry : home.getJsonArray("latestLibraryEntries").getValuesAs(JsonObject.class)) {
            assertTrue(page.contains(folded(entry.getString("title"))), entry.getString("title"));
        }
        assertFalse(page.contains("No report is published yet"));
        assertFalse(page.contains("No discussion you can read has started yet"));
        assertFalse(page.contains("Waiting for staff"));
    }

    @Test
    void aMemberSeesEveryThreadTheyMayReadAndTheirOwnCards() {
        JsonObject home = portal.get("/api/home", MEMBER).json();
        List<String> readable = titles(portal.get("/api/threads?size=100", MEMBER)
                .json()
                .getJsonArray("threads")
                .getValuesAs(JsonObject.class));
        List<String> active = titles(home.getJsonArray("activeDiscussions").getValuesAs(JsonObject.class));
        assertEquals(5, active.size(), "the demo has more than five threads a member may read");
        assertTrue(readable.containsAll(active), active + " not all in " + readable);

        // Someone answers the member in a thread the member posted in: it turns unread, with a notice.
        long thread = portal.get("/api/threads?size=1", MEMBER)
                .json()
                .getJsonArray("threads")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long mine = posted(MEMBER, thread, "My view, " + marker + ".", null);
        long answer = posted(STAFF, thread, "An answer to you, " + marker + ".", mine);

        // Its own posts may move a thread into the five most active: the page is compared with the cards of now.
        JsonObject now = portal.get("/api/home", MEMBER).json();
        JsonObject personal = now.getJsonObject("personal");
        List<String> activeNow = titles(now.getJsonArray("activeDiscussions").getValuesAs(JsonObject.class));
        JsonObject unread = personal.getJsonArray("unreadThreads").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == thread)
                .findFirst()
                .orElseThrow(() -> new AssertionError("thread " + thread + " is not unread: " + personal));
        assertEquals(1, unread.getInt("unread"));
        assertTrue(unread.getString("url").endsWith("#post-" + answer), unread.toString());
        long inbox = portal.get("/api/me/notifications", MEMBER)
                .json()
                .getJsonNumber("unread")
                .longValue();
        assertTrue(inbox >= 1);
        assertEquals(inbox, personal.getJsonNumber("unreadNotifications").longValue());

        List<String> upcoming = portal.get("/api/me/agenda", MEMBER).array().getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getJsonObject("session"))
                .filter(session ->
                        OffsetDateTime.parse(session.getString("end")).isAfter(OffsetDateTime.now()))
                .map(session -> session.getString("title"))
                .limit(5)
                .toList();
        assertFalse(upcoming.isEmpty(), "the demo member has sessions to come");
        assertEquals(upcoming, titles(personal.getJsonArray("nextSessions").getValuesAs(JsonObject.class)));
        assertEquals(
                "Riverbend Unified School District",
                personal.getJsonObject("survey").getString("district"));

        String page = text(signedInPage(MEMBER));
        for (String title : concat(concat(activeNow, upcoming), List.of(unread.getString("title")))) {
            assertTrue(page.contains(folded(title)), "the member's home page lacks " + title);
        }
        assertTrue(page.contains(inbox + " unread"), "the unread figure");
        assertFalse(page.contains("Nothing new in the threads you follow"), "an empty state beside a full list");

        // Once read, the thread leaves the card.
        assertEquals(
                204,
                portal.putJson("/api/threads/" + thread + "/read", "{\"lastRead\": " + answer + "}", MEMBER)
                        .status());
        assertFalse(titles(portal.get("/api/home", MEMBER)
                        .json()
                        .getJsonObject("personal")
                        .getJsonArray("unreadThreads")
                        .getValuesAs(JsonObject.class))
                .contains(unread.getString("title")));
    }

    @Test
    void staffSeeWhatWaitsForThemAndNotTheirOwnReportInReview() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Home review " + marker;
        Portal.Answer draft = portal.postMultipart(
                "/api/reports",
                List.of(Part.json(
                        "metadata",
                        "{\"title\": \"" + title + "\", \"summary\": \"For review\", \"kind\": \"BRIEF\","
                                + " \"year\": 2026, \"access\": \"MEMBERS\"}")),
                ADMIN);
        assertEquals(201, draft.status(), draft.toString());
        long report = draft.json().getJsonNumber("id").longValue();
        assertEquals(
                200,
                portal.postJson("/api/reports/" + report + "/transitions", "{\"to\": \"IN_REVIEW\"}", ADMIN)
                        .status());

        long gated = portal.get("/api/reports").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("access").equals("MEMBERS")
                        && r.getString("status").equals("PUBLISHED"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        Portal.Answer asked =
                portal.postJson("/api/reports/" + gated + "/access-requests", "{\"kind\": \"PRESS\"}", PRESS);
        assertTrue(asked.status() == 201 || asked.status() == 200, asked.toString());

        long thread = portal.get("/api/threads?size=1", MEMBER)
                .json()
                .getJsonArray("threads")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long waitingBefore = portal.get("/api/home", STAFF)
                .json()
                .getJsonObject("staff")
                .getJsonNumber("postsWaiting")
                .longValue();
        long flagged = posted(STAFF, thread, "Flag me, " + marker + ".", null);
        assertEquals(
                201,
                portal.postJson("/api/posts/" + flagged + "/flags", "{\"reason\": \"off topic\"}", MEMBER)
                        .status());

        JsonObject staff = portal.get("/api/home", STAFF).json().getJsonObject("staff");
        // The card shows the five longest waiting; earlier tests may have left more in review.
        List<String> inReview = titles(staff.getJsonArray("reportsInReview").getValuesAs(JsonObject.class));
        assertTrue(inReview.contains(title) || inReview.size() == 5, inReview.toString());
        assertTrue(staff.getJsonNumber("requestsWaiting").longValue() >= 1);
        assertEquals(
                portal.get("/api/access-requests", STAFF).array().size(),
                staff.getJsonNumber("requestsWaiting").longValue());
        assertEquals(waitingBefore + 1, staff.getJsonNumber("postsWaiting").longValue(), "the flagged post waits");
        assertTrue(portal.get("/api/moderation/queue", STAFF).body().contains("\"postId\":" + flagged + ","));
        assertEquals(
                portal.get("/api/moderation/queue", STAFF).array().size(),
                staff.getJsonNumber("postsWaiting").longValue());

        // The author waits for a colleague: their own report is not theirs to review.
        assertFalse(titles(portal.get("/api/home", ADMIN)
                        .json()
                        .getJsonObject("staff")
                        .getJsonArray("reportsInReview")
                        .getValuesAs(JsonObject.class))
                .contains(title));
        assertEquals(null, portal.get("/api/home", MEMBER).json().get("staff"));

        String page = text(signedInPage(STAFF));
        assertTrue(page.contains(title) || inReview.size() == 5, "the report in review");
        assertTrue(page.contains("waits for a moderator") || page.contains("wait for a moderator"), "the queue");
        assertFalse(page.contains("No post waits for a moderator"), "an empty state beside a full list");
    }

    private long posted(String who, long thread, String body, Long replyTo) {
        var json = Json.createObjectBuilder().add("body", body);
        if (replyTo != null) {
            json.add("replyTo", replyTo);
        }
        Portal.Answer answer = portal.postJson(
                "/api/threads/" + thread + "/posts", json.build().toString(), who);
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().getJsonNumber("id").longValue();
    }

    private String signedInPage(String who) {
        HttpClient pages = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        portal.signInThroughTheForm(pages, who, Portal.DEMO_PASSWORD);
        try {
            HttpResponse<String> page = pages.send(
                    HttpRequest.newBuilder(portal.uri("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            return page.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> titles(List<JsonObject> items) {
        return items.stream().map(item -> item.getString("title")).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The page's text as a reader sees it: tags dropped, entities decoded, white space folded. */
    private static String text(String html) {
        String decoded = java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);")
                .matcher(html.replaceAll("<[^>]+>", " "))
                .replaceAll(entity -> java.util.regex.Matcher.quoteReplacement(Character.toString(
                        Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16))));
        return folded(decoded.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"));
    }

    private static String folded(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
