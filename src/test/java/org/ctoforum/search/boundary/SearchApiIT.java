package org.ctoforum.search.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Search through the REST API over the demo content, on a real Payara Micro, PostgreSQL and Lucene index. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchApiIT {

    private static final String STAFF = "staff@demo.local";
    private static final String MEMBER = "member@demo.local";
    private static final String PRESS = "press@demo.local";
    private static final String READER = "reader@demo.local";
    /** Only inside the members-only PDF of the 2020 survey. */
    private static final String GATED_PHRASE = "\"threat assessment as a task to repeat regularly\"";

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
        // The index is built in the background at first start; wait for it once.
        poll(() -> search("q=*", MEMBER).getJsonNumber("total").longValue() > 20, 60_000, "the index to be built");
    }

    @Test
    void goldenQueriesFindExactlyTheExpectedItems() {
        assertEquals(
                Set.of(
                        "session:Closing the homework gap",
                        "session:Measuring the homework gap",
                        "finding:Digital equity matters almost everywhere"),
                hits(search("q=" + encode("homework gap"))));

        JsonObject misspelled = search("q=homwork");
        assertTrue(misspelled.getBoolean("fuzzy"));
        assertEquals("homework", misspelled.getString("suggestion"));
        assertEquals(
                Set.of(
                        "session:Closing the homework gap",
                        "session:Measuring the homework gap",
                        "finding:Digital equity matters almost everywhere"),
                hits(misspelled));

        assertEquals(
                Set.of(
                        "report:Cybersecurity Is Priority One: Closing the Gap Between Priority and Perceived Risk",
                        "report:Tech Enablers 2026: Connected Data, Ready Networks and Security That Helps",
                        "report:The State of Ed Tech Leadership in 2020"),
                hits(search("q=cybersecurity&type=report")));

        Set<String> cto = hits(search("q=CTO&size=50"));
        assertTrue(cto.contains("session:Growing the next generation of CTOs"), cto.toString());
        assertEquals(cto, hits(search("q=" + encode("chief technology officer") + "&size=50")));

        JsonObject trends = search("q=budget&theme=Hurdles");
        assertTrue(trends.getJsonNumber("total").longValue() > 0);
        trends.getJsonArray("hits")
                .getValuesAs(JsonObject.class)
                .forEach(hit -> assertTrue(hit.getString("url").startsWith("/reports/hurdles-2026"), hit.toString()));
        assertTrue(trends.getJsonObject("facets").getJsonObject("theme").containsKey("Accelerators")
                || trends.getJsonObject("facets").getJsonObject("theme").containsKey("Hurdles"));
    }

    @Test
    void aPhraseInsideAMembersOnlyPdfReachesMembersAndNobodyElse() {
        JsonObject member = search("q=" + encode(GATED_PHRASE), MEMBER);
        assertTrue(member.getJsonNumber("total").longValue() >= 1, member.toString());
        JsonObject hit = member.getJsonArray("hits").getJsonObject(0);
        assertEquals(
                "/reports/state-of-ed-tech-leadership-2020",
                hit.getString("url").split("#")[0]);
        assertTrue(hit.getString("snippet").contains("<mark>threat assessment"), hit.getString("snippet"));

        for (String[] outsider : new String[][] {{}, {READER}, {PRESS}}) {
            Portal.Answer answer = portal.get("/api/search?q=" + encode(GATED_PHRASE), outsider);
            assertEquals(200, answer.status());
            JsonObject result = answer.json();
            assertEquals(0, result.getJsonNumber("total").longValue(), answer.toString());
            assertTrue(result.getJsonArray("hits").isEmpty());
            result.getJsonObject("facets")
                    .values()
                    .forEach(counts -> assertTrue(counts.asJsonObject().isEmpty(), answer.toString()));
            assertFalse(result.getJsonArray("hits").toString().contains("threat"), answer.body());
        }

        // Found by its public summary, the report shows locked, with the summary and none of the PDF.
        JsonObject anonymous = search("q=cybersecurity&type=report");
        JsonObject locked = anonymous.getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("url").equals("/reports/state-of-ed-tech-leadership-2020"))
                .findFirst()
                .orElseThrow();
        assertTrue(locked.getBoolean("locked"));
        assertTrue(locked.getString("snippet").contains("national survey"), locked.toString());
        assertFalse(locked.getString("snippet").contains("Finding"), locked.toString());
    }

    @Test
    void aNewPostIsFoundWithinASecondAndAHiddenOneIsGoneWithinASecond() {
        // A token, so that each poll costs a lookup rather than a password hash.
        String token = portal.postJson("/api/me/tokens", "{\"name\": \"freshness\"}", MEMBER)
                .json()
                .getString("token");
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Portal.Answer thread =
                openPublicThread("Fiber contracts " + word, "Who has renegotiated a fiber contract this year?", MEMBER);
        assertEquals(201, thread.status(), thread.toString());
        poll(
                () -> searchWithToken("q=" + word, token).getJsonNumber("total").longValue() == 1,
                1_000,
                "the new thread");

        long threadId = thread.json().getJsonNumber("id").longValue();
        String replyWord = word + "reply";
        Portal.Answer reply = portal.postJson(
                "/api/threads/" + threadId + "/posts",
                "{\"body\": \"We did: " + replyWord + " saved us a third.\"}",
                MEMBER);
        assertEquals(201, reply.status(), reply.toString());
        poll(() -> hits(searchWithToken("q=" + replyWord, token)).size() == 1, 1_000, "the new reply");

        long postId = reply.json().getJsonNumber("id").longValue();
        Portal.Answer hidden =
                portal.postJson("/api/moderation/posts/" + postId + "/hide", "{\"reason\": \"test\"}", STAFF);
        assertTrue(hidden.status() < 300, hidden.toString());
        poll(
                () -> searchWithToken("q=" + replyWord, token)
                                .getJsonNumber("total")
                                .longValue()
                        == 0,
                1_000,
                "the hidden reply to go");
    }

    @Test
    void aNewDisplayNameIsFoundOnWhatTheMemberWrote() {
        String member2 = "member2@demo.local";
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Portal.Answer thread = openPublicThread("Renaming " + word, "Does a new name follow what I wrote?", member2);
        assertEquals(201, thread.status(), thread.toString());
        poll(() -> search("q=" + word, MEMBER).getJsonNumber("total").longValue() == 1, 1_000, "the new thread");
        String newName = "Pat " + word.replace("zq", "Newname");
        String nameQuery = "q=" + encode("author:" + newName.split(" ")[1] + " AND " + word);
        assertEquals(0, search(nameQuery, MEMBER).getJsonNumber("total").longValue());

        JsonObject me = portal.get("/api/me", member2).json();
        try {
            Portal.Answer renamed = portal.putJson("/api/me", profile(me, newName), member2);
            assertEquals(200, renamed.status(), renamed.toString());
            poll(
                    () -> hits(search(nameQuery, MEMBER)).contains("thread:Renaming " + word),
                    5_000,
                    "the thread under its author's new name");
        } finally {
            portal.putJson("/api/me", profile(me, me.getString("displayName")), member2);
        }
    }

    /** A thread in the public broadband category, whose threads are not under the Chatham House Rule. */
    private Portal.Answer openPublicThread(String title, String body, String author) {
        long categoryId = portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("slug").equals("broadband"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        return portal.postJson(
                "/api/threads",
                Json.createObjectBuilder()
                        .add("title", title)
                        .add("body", body)
                        .add("categoryId", categoryId)
                        .build()
                        .toString(),
                author);
    }

    private static String profile(JsonObject me, String displayName) {
        return Json.createObjectBuilder()
                .add("displayName", displayName)
                .add("district", me.isNull("district") ? "" : me.getString("district"))
                .add("jobTitle", me.isNull("jobTitle") ? "" : me.getString("jobTitle"))
                .build()
                .toString();
    }

    @Test
    void staffRebuildTheIndexAndFollowItsProgress() {
        assertEquals(401, portal.postJson("/api/admin/search/reindex", "{}").status());
        assertEquals(
                403, portal.postJson("/api/admin/search/reindex", "{}", MEMBER).status());

        Portal.Answer started = portal.postJson("/api/admin/search/reindex", "{}", STAFF);
        assertEquals(202, started.status(), started.toString());
        assertTrue(started.header("Location").endsWith("/api/admin/search"), started.header("Location"));
        poll(
                () -> {
                    JsonObject status = portal.get("/api/admin/search", STAFF).json();
                    JsonObject rebuild = status.getJsonObject("rebuild");
                    return !rebuild.getBoolean("running") && rebuild.containsKey("finishedAt");
                },
                60_000,
                "the rebuild to finish");
        JsonObject status = portal.get("/api/admin/search", STAFF).json();
        assertEquals(100, status.getInt("percent"), status.toString());
        assertFalse(status.getJsonObject("rebuild").containsKey("error"), status.toString());
        assertTrue(status.getJsonNumber("documents").longValue() > 50, status.toString());
        assertEquals(
                3, search("q=" + encode("homework gap")).getJsonNumber("total").longValue());

        // The node reports its place in the change log, which is where the log may be trimmed to.
        poll(
                () -> portal.get("/api/admin/search", STAFF).json().getJsonArray("nodes").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(place -> place.getString("node").equals(status.getString("node"))
                                && place.getJsonNumber("txid").longValue() > 0),
                15_000,
                "this node's place in the change log");
    }

    @Test
    void badInputGetsAUsefulAnswer() {
        for (String q : new String[] {"\"unbalanced", "AND", "OR", "NOT", "*", "title:", "((", "budget)", "~2"}) {
            Portal.Answer answer = portal.get("/api/search?q=" + encode(q));
            assertEquals(200, answer.status(), q + " " + answer);
        }
        assertTrue(search("q=*").getJsonNumber("total").longValue() > 10);

        JsonObject stopWords = search("q=" + encode("the of and"));
        assertEquals(0, stopWords.getJsonNumber("total").longValue());
        assertTrue(stopWords.getString("notice").contains("common words"), stopWords.toString());

        JsonObject pastTheEnd = search("q=budget&page=90");
        assertTrue(pastTheEnd.getJsonArray("hits").isEmpty());
        assertTrue(pastTheEnd.getJsonNumber("total").longValue() > 0);

        for (String query : new String[] {
            "q=budget&size=51",
            "q=budget&size=0",
            "q=budget&page=0",
            "q=budget&page=101",
            "q=budget&sort=popular",
            "q=" + "x".repeat(501)
        }) {
            Portal.Answer answer = portal.get("/api/search?" + query);
            assertEquals(400, answer.status(), query);
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.toString());
        }
        Portal.Answer huge = portal.postJson("/api/search", "{\"q\": \"" + "budget ".repeat(1500) + "\"}");
        assertEquals(400, huge.status(), huge.toString());
        assertTrue(huge.json().getString("detail").contains("characters"), huge.toString());
    }

    @Test
    void staffSynonymsApplyWithinASecond() {
        String made = "zqsyn" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(0, search("q=" + made).getJsonNumber("total").longValue());
        assertEquals(
                403,
                portal.postJson("/api/admin/search/synonyms", "{\"terms\": \"a, b\"}", MEMBER)
                        .status());
        // Issue 22, point 5: the list is staff's too.
        assertEquals(401, portal.get("/api/admin/search/synonyms").status());
        for (String notStaff : List.of(MEMBER, "reader@demo.local", "press@demo.local")) {
            assertEquals(403, portal.get("/api/admin/search/synonyms", notStaff).status(), notStaff);
        }
        assertEquals(200, portal.get("/api/admin/search/synonyms", STAFF).status());
        assertEquals(
                400,
                portal.postJson("/api/admin/search/synonyms", "{\"terms\": \"lonely\"}", STAFF)
                        .status());
        Portal.Answer added =
                portal.postJson("/api/admin/search/synonyms", "{\"terms\": \"" + made + ", homework gap\"}", STAFF);
        assertEquals(201, added.status(), added.toString());
        poll(() -> search("q=" + made).getJsonNumber("total").longValue() == 3, 1_000, "the synonym to apply");
        assertEquals(
                204,
                portal.delete("/api/admin/search/synonyms/" + added.json().getJsonNumber("id"), STAFF)
                        .status());
        poll(() -> search("q=" + made).getJsonNumber("total").longValue() == 0, 1_000, "the synonym to go");
    }

    @Test
    void titlesAreSuggestedWhileTyping() {
        Set<String> titles = new TreeSet<>();
        portal.get("/api/search/suggest?q=hurd")
                .array()
                .getValuesAs(JsonObject.class)
                .forEach(s -> titles.add(s.getString("title")));
        assertTrue(titles.contains("Hurdles 2026: Lean Budgets, Thin Staffing and Stubborn Silos"), titles.toString());
        assertTrue(portal.get("/api/search/suggest?q=").array().isEmpty());
    }

    private JsonObject search(String query, String... who) {
        Portal.Answer answer = portal.get("/api/search?" + query, who);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }

    private JsonObject searchWithToken(String query, String token) {
        Portal.Answer answer =
                portal.send(portal.request("/api/search?" + query).header("Authorization", "Bearer " + token));
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }

    private static Set<String> hits(JsonObject result) {
        Set<String> hits = new TreeSet<>();
        result.getJsonArray("hits")
                .getValuesAs(JsonObject.class)
                .forEach(hit -> hits.add(hit.getString("type") + ":" + hit.getString("title")));
        return hits;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Asks until the condition holds, failing after {@code millis}: the freshness promise, checked. */
    private static void poll(BooleanSupplier condition, long millis, String what) {
        // In the test's own thread: a search already under way when the time is up may still finish and count.
        await().alias(what)
                .atMost(Duration.ofMillis(millis))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(25))
                .until(condition::getAsBoolean);
    }
}
