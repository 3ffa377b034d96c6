package org.ctoforum.discussions.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The discussions API on a real Payara Micro and PostgreSQL, as outside clients call it. The portal runs with
 * {@code review-first-posts=1}, so a new account's first post waits for a moderator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiscussionsApiIT {

    static final String MARIA = "member@demo.local";
    static final String MARCUS = "member2@demo.local";
    static final String STAFF = "staff@demo.local";
    static final String ADMIN = "admin@demo.local";
    static final String READER = "reader@demo.local";

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

    private long categoryId(String slug) {
        return portal.get("/api/categories", MARIA).array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("slug").equals(slug))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private long startThread(String who, String category, String title, String body, boolean chathamHouse) {
        Portal.Answer created = portal.postJson(
                "/api/threads",
                Json.createObjectBuilder()
                        .add("title", title)
                        .add("body", body)
                        .add("categoryId", categoryId(category))
                        .add("chathamHouse", chathamHouse)
                        .add("tags", Json.createArrayBuilder().add("it-test"))
                        .build()
                        .toString(),
                as(who));
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    /** Basic credentials: the demo password for demo accounts, the test password for accounts made here. */
    private static String[] as(String who) {
        return who.endsWith("@it.example") ? new String[] {who, PASSWORD} : new String[] {who};
    }

    private Portal.Answer reply(String who, long thread, String body, Long replyTo) {
        var json = Json.createObjectBuilder().add("body", body);
        if (replyTo != null) {
            json.add("replyTo", replyTo);
        }
        return portal.postJson("/api/threads/" + thread + "/posts", json.build().toString(), as(who));
    }

    private long replied(String who, long thread, String body, Long replyTo) {
        Portal.Answer answer = reply(who, thread, body, replyTo);
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().getJsonNumber("id").longValue();
    }

    private List<JsonObject> posts(long thread, String who) {
        Portal.Answer page = portal.get("/api/threads/" + thread, as(who));
        assertEquals(200, page.status(), page.toString());
        return page.json().getJsonArray("posts").getValuesAs(JsonObject.class);
    }

    /** A new member account, through sign-up and staff's membership. */
    private String newMember(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        long id = portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"" + name
                + " Tester\",\"district\":\"IT District\",\"jobTitle\":\"CTO\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(
                200,
                portal.putJson("/api/admin/members/" + id + "/membership", "{\"start\":\"2020-01-01\"}", STAFF)
                        .status());
        return email;
    }

    static final String PASSWORD = "a long test passphrase";

    @Test
    void categoriesFollowTheirVisibility() {
        Set<String> anonymous = slugs(portal.get("/api/categories"));
        Set<String> reader = slugs(portal.get("/api/categories", READER));
        Set<String> member = slugs(portal.get("/api/categories", MARIA));
        assertEquals(Set.of("broadband"), anonymous);
        assertEquals(Set.of("broadband", "digital-equity"), reader);
        assertTrue(member.containsAll(Set.of(
                "learning-culture",
                "shared-vision",
                "community-support",
                "money",
                "cybersecurity",
                "budget",
                "staffing",
                "silos",
                "digital-equity",
                "broadband",
                "ai-data-privacy")));

        long membersOnly = startThread(MARCUS, "silos", "Members only " + UUID.randomUUID(), "Inside talk", false);
        assertEquals(404, portal.get("/api/threads/" + membersOnly).status(), "anonymous");
        assertEquals(404, portal.get("/api/threads/" + membersOnly, READER).status(), "non-member");
        assertEquals(404, reply(READER, membersOnly, "let me in", null).status());
        Portal.Answer notMember = portal.postJson(
                "/api/threads",
                "{\"title\":\"Hello\",\"body\":\"Hi\",\"categoryId\":" + categoryId("digital-equity") + "}",
                READER);
        assertEquals(403, notMember.status(), notMember.toString());
        assertTrue(notMember.json().containsKey("join"), "the refusal says how to join");
    }

    private static Set<String> slugs(Portal.Answer answer) {
        assertEquals(200, answer.status(), answer.toString());
        Set<String> slugs = new HashSet<>();
        answer.array().getValuesAs(JsonObject.class).forEach(c -> slugs.add(c.getString("slug")));
        return slugs;
    }

    @Test
    void theThreadListPageShowsTaggedThreadsWithAndWithoutFilters() {
        String title = "Tagged " + UUID.randomUUID();
        startThread(MARIA, "broadband", title, "Who pools fiber purchases?", false);
        // Tag links without a category once failed the whole page (a null link parameter).
        for (String page : List.of(
                "/discussions/index.xhtml",
                "/discussions/index.xhtml?tag=it-test",
                "/discussions/index.xhtml?category=broadband&tag=it-test")) {
            Portal.Answer answer = portal.get(page);
            assertEquals(200, answer.status(), page);
            assertTrue(answer.body().contains(title), page);
        }
    }

    @Test
    void anAnonymousReaderLeavesNoSessionBehind() {
        long thread = startThread(MARIA, "broadband", "Sessions " + UUID.randomUUID(), "Read by anyone", false);
        for (String page : List.of("/discussions/thread.xhtml?id=" + thread, "/discussions/index.xhtml")) {
            Portal.Answer first = portal.get(page);
            assertEquals(200, first.status(), page);
            String cookie = first.header("Set-Cookie");
            if (cookie == null) {
                continue;
            }
            // A cookie may still go out; sent back, it must name a session that no longer exists.
            Portal.Answer again =
                    portal.send(portal.request(page).header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
            assertEquals(200, again.status(), page);
            String next = again.header("Set-Cookie");
            assertTrue(next == null || !next.equals(cookie), page + " kept the anonymous session " + cookie);
            assertTrue(next != null, page + " answered a request with the old session's cookie as that session");
        }
    }

    @Test
    void markdownIsRenderedAndSanitized() {
        long thread = startThread(
                MARCUS,
                "cybersecurity",
                "Rendering " + UUID.randomUUID(),
                "**Phishing drills** work.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))"
                        + " <img src=x onerror=alert(1)>\n\n> quoted *well*\n\n- one\n- two",
                false);
        String html = posts(thread, MARIA).get(0).getString("html");
        assertTrue(html.contains("<strong>Phishing drills</strong>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertFalse(html.toLowerCase().contains("javascript:"), html);
        assertFalse(html.toLowerCase().contains("<img"), html);
        assertFalse(html.toLowerCase().contains("onerror="), html);
    }

    @Test
    void badInputGetsClearProblems() {
        long cybersecurity = categoryId("cybersecurity");
        Portal.Answer empty = portal.postJson(
                "/api/threads", "{\"title\":\"Empty\",\"body\":\"  \",\"categoryId\":" + cybersecurity + "}", MARCUS);
        assertEquals(400, empty.status());
        assertEquals("application/problem+json;charset=UTF-8", empty.header("Content-Type"));
        Portal.Answer huge = portal.postJson(
                "/api/threads",
                "{\"title\":\"Huge\",\"body\":\"" + "x".repeat(70_000) + "\",\"categoryId\":" + cybersecurity + "}",
                MARCUS);
        assertEquals(413, huge.status(), huge.toString());
        assertEquals(
                404,
                portal.postJson("/api/threads", "{\"title\":\"Lost\",\"body\":\"Hi\",\"categoryId\":999999}", MARCUS)
                        .status());
        assertEquals(400, portal.postJson("/api/threads", "{\"title\":", MARCUS).status(), "malformed JSON");

        long locked = startThread(STAFF, "budget", "Locked " + UUID.randomUUID(), "Closed for replies", false);
        assertEquals(
                204,
                portal.putJson("/api/moderation/threads/" + locked, "{\"locked\":true}", STAFF)
                        .status());
        Portal.Answer refused = reply(MARCUS, locked, "Can I still post?", null);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("/problems/thread-locked", refused.json().getString("type"));
        assertEquals(
                403,
                portal.putJson("/api/moderation/threads/" + locked, "{\"locked\":false}", MARCUS)
                        .status());

        long open = startThread(STAFF, "budget", "Busy " + UUID.randomUUID(), "Post away", false);
        String fast = newMember("fast");
        Portal.Answer last = null;
        for (int i = 0; i < 11; i++) {
            last = reply(fast, open, "Post number " + i, null);
            if (i < 10) {
                assertEquals(201, last.status(), last.toString());
            }
        }
        assertEquals(429, last.status(), last.toString());
        assertNotNull(last.header("Retry-After"));
    }

    @Test
    void chathamHouseHidesTheAuthorFromEveryOutput() throws Exception {
        String title = "Chatham " + UUID.randomUUID();
        long thread = startThread(
                MARIA,
                "money",
                title,
                "Our bond failed twice. @member2, what did you change before yours passed?",
                true);
        long first = posts(thread, MARCUS).get(0).getJsonNumber("id").longValue();
        String quote =
                portal.get("/api/posts/" + first + "/quote", MARCUS).json().getString("markdown");
        assertTrue(quote.startsWith("> A participant wrote:"), quote);
        long answer = replied(MARCUS, thread, quote + "We split the ask in two.", first);

        List<String> outputs = new ArrayList<>();
        for (String reader : List.of(MARCUS, STAFF)) {
            outputs.add(portal.get("/api/threads/" + thread, reader).body());
            outputs.add(portal.get("/api/threads?category=money", reader).body());
            outputs.add(portal.get("/api/posts/" + first + "/quote", reader).body());
        }
        outputs.add(notificationsAbout(MARCUS, title));
        outputs.add(mailsTo(MARCUS, title));
        assertTrue(outputs.get(outputs.size() - 2).contains("A participant mentioned you"), outputs.toString());
        for (String output : outputs) {
            for (String secret : List.of("Maria Member", MARIA, "\"authorId\"")) {
                assertFalse(output.contains(secret), secret + " leaked in " + output);
            }
        }
        // The other way round: Maria hears of Marcus's reply without his name.
        String mariaSees = notificationsAbout(MARIA, title)
                + mailsTo(MARIA, title)
                + portal.get("/api/threads/" + thread, MARIA).body();
        assertTrue(mariaSees.contains("A participant replied to your post"), mariaSees);
        assertFalse(mariaSees.contains("Marcus Member") || mariaSees.contains(MARCUS), mariaSees);

        Portal.Answer noReason = portal.postJson("/api/moderation/posts/" + answer + "/unmask", "{}", STAFF);
        assertEquals(400, noReason.status());
        assertEquals(
                403,
                portal.postJson(
                                "/api/moderation/posts/" + answer + "/unmask",
                                "{\"reason\":\"curious, really\"}",
                                MARIA)
                        .status());
        Portal.Answer unmasked = portal.postJson(
                "/api/moderation/posts/" + answer + "/unmask", "{\"reason\":\"A complaint of harassment\"}", STAFF);
        assertEquals(200, unmasked.status(), unmasked.toString());
        assertEquals("Marcus Member", unmasked.json().getString("displayName"));
        String log = portal.get("/api/moderation/log", STAFF).body();
        assertTrue(log.contains("UNMASK") && log.contains("A complaint of harassment"), log);
        assertFalse(log.contains("Marcus Member"), "the log names the post, not its author");
        assertTrue(portal.get("/api/me/notifications", MARCUS).body().contains("A moderator revealed"));
        assertFalse(portal.get("/api/threads/" + thread, MARIA).body().contains("Marcus"), "still masked for others");
    }

    private String notificationsAbout(String who, String title) {
        StringBuilder about = new StringBuilder();
        portal
                .get("/api/me/notifications?size=100", who)
                .json()
                .getJsonArray("notifications")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(n -> n.getString("text").contains(title))
                .forEach(n -> about.append(n).append('\n'));
        return about.toString();
    }

    /** Every mail to {@code recipient} containing {@code containing}, once there is at least one. */
    private static String mailsTo(String recipient, String containing) {
        return await().alias("a mail about " + containing + " to reach " + recipient)
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> mailsNow(recipient, containing), found -> !found.isEmpty());
    }

    private static String mailsNow(String recipient, String containing) throws Exception {
        StringBuilder found = new StringBuilder();
        for (MimeMessage message : TestServices.mail().getReceivedMessages()) {
            String content = message.getSubject() + "\n" + message.getContent();
            if (message.getAllRecipients()[0].toString().equals(recipient) && content.contains(containing)) {
                found.append(content).append('\n');
            }
        }
        return found.toString();
    }

    @Test
    void enoughFlagsHideAPostUntilAModeratorDecides() {
        long thread = startThread(MARIA, "staffing", "Flagged " + UUID.randomUUID(), "Something rude", false);
        long post = posts(thread, MARIA).get(0).getJsonNumber("id").longValue();
        assertEquals(
                400,
                portal.postJson("/api/posts/" + post + "/flags", "{\"reason\":\"mine\"}", MARIA)
                        .status());
        assertEquals(
                400,
                portal.postJson("/api/posts/" + post + "/flags", "{}", MARCUS).status(),
                "no reason");
        for (String flagger : List.of(MARCUS, STAFF, ADMIN)) {
            Portal.Answer flagged =
                    portal.postJson("/api/posts/" + post + "/flags", "{\"reason\":\"Off topic and rude\"}", flagger);
            assertEquals(201, flagged.status(), flagged.toString());
        }
        JsonObject hidden = posts(thread, MARCUS).get(0);
        assertEquals("HIDDEN", hidden.getString("status"));
        assertEquals("", hidden.getString("html"));
        assertTrue(portal.get("/api/moderation/queue", STAFF).body().contains("Off topic and rude"));
        assertEquals(403, portal.get("/api/moderation/queue", MARCUS).status());

        assertEquals(
                204,
                portal.postJson("/api/moderation/posts/" + post + "/approve", "{}", STAFF)
                        .status());
        assertEquals("VISIBLE", posts(thread, MARCUS).get(0).getString("status"));
        assertFalse(portal.get("/api/moderation/queue", STAFF).body().contains("\"postId\":" + post + ","));
    }

    /** Issue 22, point 2: a write asks who is calling before it looks for its object, so 401 comes first. */
    @Test
    void writesAskWhoIsCallingBeforeLookingAtTheObject() {
        long broadband = categoryId("broadband");
        for (long category : List.of(broadband, 987_654L)) {
            Portal.Answer anonymous =
                    portal.postJson("/api/threads", "{\"title\":\"t\",\"body\":\"b\",\"categoryId\":" + category + "}");
            assertEquals(401, anonymous.status(), anonymous.toString());
            assertEquals("application/problem+json;charset=UTF-8", anonymous.header("Content-Type"));
        }
        assertEquals(
                401,
                portal.postJson("/api/threads/987654/posts", "{\"body\":\"b\"}").status());
        assertEquals(
                401, portal.putJson("/api/posts/987654", "{\"body\":\"b\"}").status());
        assertEquals(401, portal.delete("/api/posts/987654").status());
        assertEquals(
                401,
                portal.postJson("/api/posts/987654/flags", "{\"reason\":\"r\"}").status());
        assertEquals(
                401,
                portal.putJson("/api/moderation/threads/987654", "{\"hidden\":true}")
                        .status());
        assertEquals(
                403,
                portal.putJson("/api/moderation/threads/987654", "{\"hidden\":true}", MARCUS)
                        .status(),
                "the role before the object");
    }

    /** Issue 22, point 4: flagging is a member's act, so accounts made for the purpose cannot hide a post. */
    @Test
    void onlyMembersFlagSoThrowawayAccountsCannotHideAPost() {
        long thread = startThread(MARIA, "broadband", "Flag me not " + UUID.randomUUID(), "A fair point.", false);
        long post = posts(thread, MARIA).get(0).getJsonNumber("id").longValue();
        List<String[]> outsiders = new ArrayList<>();
        outsiders.add(as(READER));
        outsiders.add(as("press@demo.local"));
        for (int i = 0; i < 3; i++) {
            String email = "flagger" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
            // Confirmed addresses, as a determined outsider's would be: still not members, so still no flags.
            portal.signUp(
                    "{\"email\":\"" + email + "\",\"displayName\":\"Flagger\",\"password\":\"" + PASSWORD + "\"}");
            outsiders.add(as(email));
        }
        for (String[] outsider : outsiders) {
            Portal.Answer refused = portal.postJson("/api/posts/" + post + "/flags", "{\"reason\":\"spam\"}", outsider);
            assertEquals(403, refused.status(), outsider[0] + ": " + refused);
        }
        assertEquals("VISIBLE", posts(thread, MARCUS).get(0).getString("status"));
        assertFalse(portal.get("/api/moderation/queue", STAFF).body().contains("\"postId\":" + post + ","));
    }

    /** Issue 22, point 5: a hidden thread is the moderators' alone, and so is its title in notices and mails. */
    @Test
    void aHiddenThreadsTitleReachesNoWatcher() {
        String title = "Soon hidden " + UUID.randomUUID();
        long thread = startThread(MARIA, "broadband", title, "Opening post.", false);
        replied(MARCUS, thread, "Marcus joins in.", null);
        long whileVisible = replied(STAFF, thread, "Staff answer while the thread is visible.", null);
        assertTrue(notificationsAbout(MARIA, title).contains("#post-" + whileVisible), "the channel works");
        assertEquals(
                204,
                portal.putJson("/api/moderation/threads/" + thread, "{\"hidden\":true}", STAFF)
                        .status());
        long whileHidden = replied(STAFF, thread, "A moderator's note on the hidden thread.", null);
        for (String watcher : List.of(MARIA, MARCUS)) {
            String notices =
                    portal.get("/api/me/notifications?size=100", watcher).body();
            assertFalse(notices.contains("#post-" + whileHidden), watcher + " was told: " + notices);
        }
    }

    /**
     * Issue 22, point 3: a notice names its thread. Once a member's membership lapses, the notices about members-only
     * threads keep their titles from them, in the inbox and in the digest, and show again on renewal.
     */
    @Test
    void aLapsedMemberNoLongerSeesMembersOnlyNoticesInTheInboxOrTheDigest() throws Exception {
        String lapsing = newMember("lapsing");
        assertEquals(
                200,
                portal.putJson("/api/me/notification-settings", "{\"mail\":\"DIGEST\"}", as(lapsing))
                        .status());
        String title = "Members only " + UUID.randomUUID();
        long thread = startThread(MARIA, "staffing", title, "Who staffs the help desk in summer?", false);
        assertEquals(
                200,
                portal.putJson("/api/threads/" + thread + "/watch", "{\"level\":\"WATCHING\"}", as(lapsing))
                        .status());
        replied(MARCUS, thread, "We share one technician between two schools.", null);
        assertTrue(portal.get("/api/me/notifications", as(lapsing)).body().contains(title), "the channel works");

        long id = portal.get("/api/admin/members?q=" + lapsing, STAFF)
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                200,
                portal.delete("/api/admin/members/" + id + "/membership", STAFF).status());
        String inbox = portal.get("/api/me/notifications", as(lapsing)).body();
        assertFalse(inbox.contains(title), inbox);
        assertFalse(inbox.contains("thread.xhtml?id=" + thread), inbox);
        assertTrue(inbox.contains("members-only discussion"), inbox);

        assertEquals(
                200, portal.postJson("/api/notifications/digest", "{}", STAFF).status());
        String digest = mailsTo(lapsing, "Since your last digest");
        assertFalse(digest.contains(title), digest);
        assertTrue(digest.contains("members-only discussion"), digest);

        assertEquals(
                200,
                portal.putJson("/api/admin/members/" + id + "/membership", "{\"start\":\"2020-01-01\"}", STAFF)
                        .status());
        assertTrue(portal.get("/api/me/notifications", as(lapsing)).body().contains(title), "renewed");
    }

    @Test
    void aNewAccountsFirstPostWaitsForApproval() {
        String newcomer = newMember("newcomer");
        String title = "First post " + UUID.randomUUID();
        long thread = startThread(newcomer, "shared-vision", title, "Hello, everyone.", false);
        assertEquals(404, portal.get("/api/threads/" + thread, MARCUS).status(), "others do not see it yet");
        assertFalse(portal.get("/api/threads?category=shared-vision&size=100", MARCUS)
                .body()
                .contains(title));
        assertEquals("PENDING", posts(thread, newcomer).get(0).getString("status"));
        long post = posts(thread, newcomer).get(0).getJsonNumber("id").longValue();
        assertTrue(portal.get("/api/moderation/queue", STAFF).body().contains(title));

        assertEquals(
                204,
                portal.postJson("/api/moderation/posts/" + post + "/approve", "{}", STAFF)
                        .status());
        assertEquals(200, portal.get("/api/threads/" + thread, MARCUS).status());
        assertTrue(portal.get("/api/threads?category=shared-vision&size=100", MARCUS)
                .body()
                .contains(title));
        long second = replied(newcomer, thread, "And a second post, straight through.", null);
        assertEquals(
                "VISIBLE",
                posts(thread, MARCUS).stream()
                        .filter(p -> p.getJsonNumber("id").longValue() == second)
                        .findFirst()
                        .orElseThrow()
                        .getString("status"));
    }

    @Test
    void unreadCountsFollowTheReadMarkAndPagesDoNotOverlap() {
        String title = "Unread " + UUID.randomUUID();
        long thread = startThread(MARCUS, "learning-culture", title, "Where do we start?", false);
        long first = posts(thread, MARIA).get(0).getJsonNumber("id").longValue();
        assertEquals(
                204,
                portal.putJson("/api/threads/" + thread + "/read", "{\"lastRead\":" + first + "}", MARIA)
                        .status());
        assertEquals(0, summary(thread, MARIA).getJsonNumber("unread").longValue());

        long second = replied(MARCUS, thread, "With the principals, I think.", first);
        JsonObject summary = summary(thread, MARIA);
        assertEquals(1, summary.getJsonNumber("unread").longValue());
        assertEquals(second, summary.getJsonNumber("firstUnread").longValue());
        assertEquals(first, posts(thread, MARIA).get(1).getJsonNumber("replyTo").longValue());

        JsonObject page1 = portal.get("/api/threads?size=2", MARIA).json();
        String next = page1.getString("next");
        JsonObject page2 =
                portal.get("/api/threads?size=2&after=" + next, MARIA).json();
        Set<Long> ids = new HashSet<>();
        page1.getJsonArray("threads")
                .getValuesAs(JsonObject.class)
                .forEach(t -> ids.add(t.getJsonNumber("id").longValue()));
        for (JsonObject t : page2.getJsonArray("threads").getValuesAs(JsonObject.class)) {
            assertTrue(ids.add(t.getJsonNumber("id").longValue()), "thread " + t + " is on both pages");
        }
        assertEquals(400, portal.get("/api/threads?after=garbage", MARIA).status());
    }

    private JsonObject summary(long thread, String who) {
        return portal
                .get("/api/threads?category=learning-culture&size=100", who)
                .json()
                .getJsonArray("threads")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(t -> t.getJsonNumber("id").longValue() == thread)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void editsKeepHistoryAndDeletionIsSoft() {
        long thread = startThread(MARCUS, "ai-data-privacy", "Edits " + UUID.randomUUID(), "First draft", false);
        long post = posts(thread, MARCUS).get(0).getJsonNumber("id").longValue();
        assertEquals(
                403,
                portal.putJson("/api/posts/" + post, "{\"body\":\"Hijacked\"}", MARIA)
                        .status());
        Portal.Answer edited = portal.putJson("/api/posts/" + post, "{\"body\":\"Second *draft*\"}", MARCUS);
        assertEquals(200, edited.status(), edited.toString());
        assertTrue(edited.json().getString("html").contains("<em>draft</em>"));
        assertEquals(
                "First draft",
                portal.get("/api/posts/" + post + "/revisions", MARCUS)
                        .array()
                        .getJsonObject(0)
                        .getString("body"));
        assertEquals(403, portal.get("/api/posts/" + post + "/revisions", MARIA).status());

        assertEquals(204, portal.delete("/api/posts/" + post, MARCUS).status());
        JsonObject deleted = posts(thread, MARIA).get(0);
        assertEquals("DELETED", deleted.getString("status"));
        assertEquals("", deleted.getString("html"));
        assertEquals(404, portal.get("/api/posts/" + post + "/quote", MARIA).status());
    }

    @Test
    void digestMailsCarryASignedUnsubscribeLink() throws Exception {
        assertEquals(
                200,
                portal.putJson("/api/me/notification-settings", "{\"mail\":\"DIGEST\"}", MARCUS)
                        .status());
        String title = "Digest " + UUID.randomUUID();
        long thread = startThread(MARIA, "broadband", title, "Has anyone mapped home access? cc @member2", false);
        assertTrue(portal.get("/api/me/notifications", MARCUS).body().contains("Maria Member mentioned you"));
        assertEquals(
                200, portal.postJson("/api/notifications/digest", "{}", STAFF).status());
        assertEquals(
                403, portal.postJson("/api/notifications/digest", "{}", MARCUS).status());
        String digest = mailsTo(MARCUS, title);
        assertTrue(digest.contains("/discussions/thread.xhtml?id=" + thread), digest);
        Matcher link =
                Pattern.compile("unsubscribe\\.xhtml\\?token=([A-Za-z0-9_.-]+)").matcher(digest);
        assertTrue(link.find(), digest);
        String token = link.group(1);

        assertEquals(
                400,
                portal.postJson("/api/notifications/unsubscribe?token=" + token + "x", "{}")
                        .status());
        assertEquals(
                200,
                portal.postJson("/api/notifications/unsubscribe?token=" + token, "{}")
                        .status());
        assertEquals(
                "NONE",
                portal.get("/api/me/notification-settings", MARCUS).json().getString("mail"));
        assertEquals(
                200,
                portal.putJson("/api/me/notification-settings", "{\"mail\":\"IMMEDIATE\"}", MARCUS)
                        .status());
        assertEquals(
                0,
                portal.postJson("/api/me/notifications/read", "{}", MARCUS)
                        .json()
                        .getInt("unread"));
    }
}
