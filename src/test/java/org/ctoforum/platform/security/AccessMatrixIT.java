package org.ctoforum.platform.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.ctoforum.reports.control.PdfComposer;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, point 2: every role against gated objects on every channel that could carry them: the API, the pages (with
 * a real signed-in session), files, covers, the Atom feed, search hits and snippets, and calendar feeds. Each check is
 * one cell; a cell leaks when a role that must not see an object gets it, or gets its gated text. Guessed and
 * neighbouring ids are tried too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    private static final Logger LOG = Logger.getLogger(AccessMatrixIT.class.getName());
    private static final String PASSWORD = "a long enough passphrase";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    private Portal portal;
    private final List<String> leaks = new ArrayList<>();
    private int cells;

    /** A role as the portal will see it: a Bearer token for the API and a signed-in session for the pages. */
    /** {@code authorization} is the API's Authorization header: a Bearer token, or Basic where no token can be had. */
    private record Role(String name, String authorization, HttpClient pages, boolean member, boolean staff) {}

    @Test
    void noRoleSeesWhatItMayNot() throws Exception {
        portal = new Portal(base);
        // Letters only, so that "did you mean" takes each marked word for a word.
        String marker = "matrix" + letters(10);
        List<Role> roles = roles();

        Map<String, JsonObject> reports = new LinkedHashMap<>();
        reports.put("draft", report(marker + "draft", "MEMBERS", null, false));
        reports.put(
                "embargoed",
                report(
                        marker + "embargo",
                        "PUBLIC",
                        OffsetDateTime.now(ZoneOffset.UTC).plusHours(2),
                        true));
        reports.put("members-only", report(marker + "members", "MEMBERS", null, true));
        reports.put("for sale", report(marker + "sale", "MEMBERS_OR_PURCHASE", null, true));
        JsonObject revised = reports.get("members-only");
        addVersion(revised.getJsonNumber("id").longValue(), marker + "members");

        long membersCategory = category("MEMBERS", false);
        long publicCategory = category("PUBLIC", false);
        long membersThread = thread(membersCategory, marker + "membersthread", false);
        long chathamThread = thread(publicCategory, marker + "chatham", true);
        long hiddenThread = thread(publicCategory, marker + "hiddenthread", false);
        assertEquals(
                204,
                portal.putJson("/api/moderation/threads/" + hiddenThread, "{\"hidden\": true}", "staff@demo.local")
                        .status());
        long deletedReply = reply(thread(publicCategory, marker + "replied", false), marker + "deletedreply");
        assertEquals(
                204,
                portal.send(Portal.authorized(
                                portal.request("/api/posts/" + deletedReply).DELETE(), "member@demo.local"))
                        .status());
        String memberName = portal.get("/api/me", "member@demo.local").json().getString("displayName");
        // The index applies changes in commit order: once this last reply is found, everything before it is in.
        reply(thread(publicCategory, marker + "fence", false), marker + "fence");
        Role staff = roles.stream().filter(Role::staff).findFirst().orElseThrow();
        await().alias("the search index to apply the last change")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api(staff, "/api/search?q=" + marker + "fencesecret")
                        .body()
                        .contains("fence"));

        for (Role role : roles) {
            for (Map.Entry<String, JsonObject> entry : reports.entrySet()) {
                reportCells(role, entry.getKey(), entry.getValue());
            }
            versionCells(role, revised, marker + "members");
            threadCells(
                    role,
                    "members-only thread",
                    membersThread,
                    marker + "membersthread",
                    role.member() || role.staff());
            chathamCells(role, chathamThread, marker + "chatham", memberName);
            goneCells(role, "hidden thread", marker + "hiddenthread");
            goneCells(role, "deleted reply", marker + "deletedreply");
            guessedIds(role, reports.get("draft").getJsonNumber("id").longValue());
        }
        personalCells(roles);

        LOG.info(() -> String.format(
                "Access matrix: %d roles, %d cells checked, %d leaked", roles.size(), cells, leaks.size()));
        assertTrue(cells > 300, cells + " cells");
        assertEquals(List.of(), leaks);
    }

    // ---- the objects

    private JsonObject report(String marker, String access, OffsetDateTime releaseAt, boolean publish) {
        String metadata = "{\"title\": \"Report " + marker + "\", \"summary\": \"Public teaser\", \"kind\": \"BRIEF\","
                + " \"year\": 2026, \"access\": \"" + access + "\""
                + (access.equals("MEMBERS_OR_PURCHASE") ? ", \"priceCents\": 1900" : "") + "}";
        byte[] pdf = pdf("Test report", "The gated finding is " + marker + "secret.");
        Portal.Answer created = portal.postMultipart(
                "/api/reports",
                List.of(Portal.Part.json("metadata", metadata), Portal.Part.file("report.pdf", pdf)),
                "staff@demo.local");
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        if (!publish) {
            return created.json();
        }
        assertEquals(200, transition(id, "IN_REVIEW", null, "staff@demo.local").status());
        Portal.Answer published = transition(id, "PUBLISHED", releaseAt, "admin@demo.local");
        assertEquals(200, published.status(), published.toString());
        return published.json();
    }

    /** A second version whose text differs from the first's, so that each version's text can be looked for. */
    private void addVersion(long id, String marker) {
        byte[] pdf = pdf("Test report, revised", "The revised finding is " + marker + "revised.");
        Portal.Answer added = portal.postMultipart(
                "/api/reports/" + id + "/versions",
                List.of(Portal.Part.file("v2.pdf", pdf), Portal.Part.text("note", "Revised findings.")),
                "staff@demo.local");
        assertEquals(201, added.status(), added.toString());
    }

    /** A report's PDF whose one gated section says {@code finding}. */
    private static byte[] pdf(String title, String finding) {
        return PdfComposer.compose(
                "Report", title, "A public summary.", List.of(new PdfComposer.Section("Findings", finding)));
    }

    private Portal.Answer transition(long id, String to, OffsetDateTime at, String who) {
        return portal.postJson(
                "/api/reports/" + id + "/transitions",
                "{\"to\": \"" + to + "\"" + (at == null ? "" : ", \"at\": \"" + at + "\"") + "}",
                who);
    }

    private long category(String visibility, boolean chathamHouse) {
        return portal.get("/api/categories", "staff@demo.local").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals(visibility)
                        && c.getBoolean("chathamHouseDefault") == chathamHouse)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo has no " + visibility + " category"))
                .getJsonNumber("id")
                .longValue();
    }

    private long thread(long category, String marker, boolean chathamHouse) {
        Portal.Answer created = portal.postJson(
                "/api/threads",
                "{\"title\": \"Thread " + marker + "\", \"body\": \"The body says " + marker + "secret.\","
                        + " \"categoryId\": " + category + ", \"chathamHouse\": " + chathamHouse + "}",
                "member@demo.local");
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    private long reply(long thread, String marker) {
        Portal.Answer created = portal.postJson(
                "/api/threads/" + thread + "/posts",
                "{\"body\": \"A reply that says " + marker + "secret.\"}",
                "member@demo.local");
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    // ---- the cells

    /**
     * "Did you mean" for a misspelling of {@code word}, and the title suggestions for its start: neither may name the
     * word unless {@code allowed}. Where allowed, the misspelling is corrected, so the channel is known to work.
     */
    private void spellingCells(Role role, String kind, String word, boolean allowed, String what) {
        String suggestion = api(role, "/api/search?q=" + misspelt(word)).json().getString("suggestion", "");
        cell(role, kind, "did you mean, " + what, allowed ? suggestion.contains(word) : !suggestion.contains(word));
    }

    private void titleSuggestionCell(Role role, String kind, String titleWord, boolean allowed) {
        String suggested = api(role, "/api/search/suggest?q=" + titleWord.substring(0, titleWord.length() - 2))
                .body();
        cell(role, kind, "title suggestions", allowed ? suggested.contains(titleWord) : !suggested.contains(titleWord));
    }

    /** Hidden or deleted: gone for everyone, staff included, on every channel derived from the index. */
    private void goneCells(Role role, String kind, String marker) {
        cell(
                role,
                kind,
                "search",
                !api(role, "/api/search?q=" + marker + "secret")
                        .json()
                        .getJsonArray("hits")
                        .toString()
                        .contains(marker));
        spellingCells(role, kind, marker + "secret", false, "its text");
        if (kind.equals("hidden thread")) {
            spellingCells(role, kind, marker, false, "its title");
            titleSuggestionCell(role, kind, marker, false);
        }
    }

    /** The word with one letter changed near its end: one edit away, as a typo is. */
    private static String misspelt(String word) {
        int at = word.length() - 3;
        char changed = word.charAt(at) == 'q' ? 'x' : 'q';
        return word.substring(0, at) + changed + word.substring(at + 1);
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.security.SecureRandom();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /**
     * A draft or an embargoed report is no one's but staff's, on any channel. A released one is listed for everyone,
     * and its file and text are for members (and staff) only. What staff may do with unreleased reports is the
     * workflow tests' business; here only that they see them is checked.
     */
    private void reportCells(Role role, String kind, JsonObject report) {
        long id = report.getJsonNumber("id").longValue();
        String slug = report.getString("slug");
        String marker = report.getString("title").substring("Report ".length());
        String title = "Report " + marker;
        boolean released = !kind.equals("draft") && !kind.equals("embargoed");
        Portal.Answer metadata = api(role, "/api/reports/" + id);
        if (!released) {
            if (role.staff()) {
                cell(role, kind, "API metadata for staff", metadata.status() == 200);
                return;
            }
            cell(role, kind, "API metadata", metadata.status() == 404);
            cell(
                    role,
                    kind,
                    "API file",
                    api(role, "/api/reports/" + id + "/file").status() / 100 == 4);
            cell(role, kind, "API list", !api(role, "/api/reports").body().contains(marker));
            cell(
                    role,
                    kind,
                    "search hit",
                    !api(role, "/api/search?q=" + marker).body().contains(title));
            cell(
                    role,
                    kind,
                    "search of the PDF's text",
                    !api(role, "/api/search?q=" + marker + "secret").body().contains("gated finding"));
            cell(
                    role,
                    kind,
                    "close spellings of its title",
                    !api(role, "/api/search?q=" + misspelt(marker)).body().contains(title));
            spellingCells(role, kind, marker, false, "its title");
            spellingCells(role, kind, marker + "secret", false, "its PDF's text");
            titleSuggestionCell(role, kind, marker, false);
            cell(role, kind, "page", !page(role, "/reports/" + slug).body().contains(title));
            cell(
                    role,
                    kind,
                    "page download",
                    page(role, "/reports/" + slug + "/download").statusCode() != 200);
            cell(
                    role,
                    kind,
                    "cover",
                    page(role, "/reports/" + slug + "/cover.png").statusCode() == 404);
            cell(
                    role,
                    kind,
                    "Atom feed",
                    !page(role, "/feeds/reports.atom").body().contains(marker));
            return;
        }
        boolean readable = role.member() || role.staff();
        cell(role, kind, "API metadata", metadata.status() == 200);
        cell(role, kind, "API metadata carries no PDF text", !metadata.body().contains("gated finding"));
        int file = api(role, "/api/reports/" + id + "/file").status();
        cell(role, kind, "API file", readable ? file == 200 : file == 401 || file == 403);
        cell(
                role,
                kind,
                "search hit",
                api(role, "/api/search?q=" + marker).body().contains(title));
        // The members-only report's first text was replaced: its readers' cells are the versions'.
        boolean replaced = kind.equals("members-only");
        if (!readable || !replaced) {
            boolean found =
                    api(role, "/api/search?q=" + marker + "secret").body().contains("gated finding");
            cell(role, kind, "search of the PDF's text", readable == found);
        }
        spellingCells(role, kind, marker, true, "its public title");
        if (!readable) {
            // Readers' own spellings of the text are the versions' cells: this report's first text is replaced.
            spellingCells(role, kind, marker + "secret", false, "its PDF's text");
        }
        titleSuggestionCell(role, kind, marker, true);
        cell(role, kind, "page", page(role, "/reports/" + slug).statusCode() == 200);
        int download = page(role, "/reports/" + slug + "/download").statusCode();
        cell(role, kind, "page download", readable ? download == 200 : download != 200);
        cell(role, kind, "cover", page(role, "/reports/" + slug + "/cover.png").statusCode() == 200);
        cell(
                role,
                kind,
                "Atom feed carries no PDF text",
                !page(role, "/feeds/reports.atom").body().contains("gated finding"));
    }

    /**
     * A members-only report in its second version: members read the latest; earlier versions are staff's alone, by
     * number on the API and the page, and their replaced text is no longer found by anyone.
     */
    private void versionCells(Role role, JsonObject report, String marker) {
        long id = report.getJsonNumber("id").longValue();
        String slug = report.getString("slug");
        boolean readable = role.member() || role.staff();
        int latest = api(role, "/api/reports/" + id + "/file?version=2").status();
        cell(role, "version 2 of 2", "API file", readable ? latest == 200 : latest == 401 || latest == 403);
        int first = api(role, "/api/reports/" + id + "/file?version=1").status();
        cell(role, "version 1 of 2", "API file", role.staff() ? first == 200 : first / 100 == 4);
        int page = page(role, "/reports/" + slug + "/download?version=1").statusCode();
        cell(role, "version 1 of 2", "page download", role.staff() ? page == 200 : page != 200);
        cell(
                role,
                "version 1 of 2",
                "search of its replaced text",
                !api(role, "/api/search?q=" + marker + "secret").body().contains("gated finding"));
        spellingCells(role, "version 1 of 2", marker + "secret", false, "its replaced text");
        spellingCells(role, "version 2 of 2", marker + "revised", readable, "its text");
        boolean found = api(role, "/api/search?q=" + marker + "revised").body().contains("revised finding");
        cell(role, "version 2 of 2", "search of its text", readable == found);
    }

    private void threadCells(Role role, String kind, long id, String marker, boolean allowed) {
        String title = "Thread " + marker;
        String body = "The body says " + marker;
        Portal.Answer api = api(role, "/api/threads/" + id);
        cell(
                role,
                kind,
                "API thread",
                allowed
                        ? api.status() == 200
                        : api.status() / 100 == 4 && !api.body().contains(body));
        cell(
                role,
                kind,
                "API list",
                allowed || !api(role, "/api/threads?size=100").body().contains(title));
        boolean found = api(role, "/api/search?q=" + marker + "secret").body().contains(title);
        cell(role, kind, "search", allowed == found);
        spellingCells(role, kind, marker, allowed, "its title");
        spellingCells(role, kind, marker + "secret", allowed, "its text");
        titleSuggestionCell(role, kind, marker, allowed);
        HttpResponse<String> page = page(role, "/discussions/thread.xhtml?id=" + id);
        cell(
                role,
                kind,
                "page",
                allowed ? page.body().contains(body) : !page.body().contains(body));
        cell(
                role,
                kind,
                "list page",
                allowed || !page(role, "/discussions/index.xhtml").body().contains(title));
    }

    /**
     * Everyone may read a Chatham House thread in a public category, and nobody learns who wrote it. The author
     * (member@) is left out of the name checks: their own name is on every page they see.
     */
    private void chathamCells(Role role, long id, String marker, String authorName) {
        String kind = "Chatham House thread";
        Portal.Answer api = api(role, "/api/threads/" + id);
        cell(
                role,
                kind,
                "API thread readable",
                api.status() == 200 && api.body().contains(marker));
        if (role.name().equals("member")) {
            return;
        }
        cell(role, kind, "API author hidden", !api.body().contains(authorName));
        String listed =
                api(role, "/api/threads?size=100").json().getJsonArray("threads").getValuesAs(JsonObject.class).stream()
                        .filter(thread -> thread.getJsonNumber("id").longValue() == id)
                        .map(JsonObject::toString)
                        .findFirst()
                        .orElse("");
        cell(role, kind, "API list author hidden", listed.contains(marker) && !listed.contains(authorName));
        Portal.Answer search = api(role, "/api/search?q=" + marker + "secret");
        cell(
                role,
                kind,
                "search author hidden",
                search.body().contains(marker) && !search.body().contains(authorName));
        HttpResponse<String> page = page(role, "/discussions/thread.xhtml?id=" + id);
        cell(
                role,
                kind,
                "page author hidden",
                page.body().contains(marker) && !page.body().contains(authorName));
    }

    /** Neighbouring ids of a draft: nobody but staff may get a report that is not out. */
    private void guessedIds(Role role, long draftId) {
        if (role.staff()) {
            return;
        }
        for (long id = Math.max(1, draftId - 10); id <= draftId + 10; id++) {
            Portal.Answer answer = api(role, "/api/reports/" + id);
            boolean hidden = answer.status() != 200
                    || (answer.json().getString("status").equals("PUBLISHED")
                            && !answer.json().getBoolean("embargoed", false));
            cell(role, "report id " + id, "guessed id", hidden);
        }
    }

    /** Another member's tokens, notifications and calendar feed. */
    private void personalCells(List<Role> roles) {
        Portal.Answer token = portal.postJson("/api/me/tokens", "{\"name\":\"theirs\"}", "member2@demo.local");
        long tokenId = token.json().getJsonNumber("id").longValue();
        String theirToken = token.json().getString("token");
        Portal.Answer feed = portal.send(Portal.authorized(
                portal.request("/api/me/calendar-feed")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"replace\": true}")),
                "member2@demo.local"));
        assertEquals(201, feed.status(), feed.toString());
        String feedPath = feed.json().getString("url").replaceFirst("^https?://[^/]+", "");
        JsonObject inbox = portal.get("/api/me/notifications?size=100", "member2@demo.local")
                .json();
        int theirUnread = inbox.getInt("unread");
        String theirNotifications = inbox.getJsonArray("notifications").getValuesAs(JsonObject.class).stream()
                .map(notification -> String.valueOf(notification.getJsonNumber("id")))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        for (Role role : roles) {
            if (role.authorization() == null) {
                continue;
            }
            int revoke = send(role, portal.request("/api/me/tokens/" + tokenId).DELETE())
                    .status();
            cell(role, "member2's token", "revoke", revoke == 404 || revoke == 403);
            Portal.Answer mine = api(role, "/api/me/tokens");
            cell(role, "member2's token", "listed", !mine.body().contains("theirs"));
            Portal.Answer marked = send(
                    role,
                    portal.request("/api/me/notifications/read")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"ids\": " + theirNotifications + "}")));
            cell(role, "member2's notifications", "mark read", marked.status() / 100 != 5);
        }
        cell(
                roles.get(0),
                "member2's notifications",
                "still unread after the others tried",
                portal.get("/api/me/notifications", "member2@demo.local").json().getInt("unread") == theirUnread);
        Portal.Answer stillWorks = portal.send(portal.request("/api/me")
                .header("Authorization", "Bearer " + theirToken)
                .GET());
        cell(roles.get(0), "member2's token", "still works after the others tried", stillWorks.status() == 200);
        // The feed's secret address is the only key: a near miss is nothing.
        String guessed = feedPath.substring(0, feedPath.length() - 5)
                + (feedPath.charAt(feedPath.length() - 5) == 'a' ? 'b' : 'a') + ".ics";
        cell(
                roles.get(0),
                "member2's calendar",
                "guessed address",
                portal.get(guessed).status() == 404);
        cell(
                roles.get(0),
                "member2's calendar",
                "own address",
                portal.get(feedPath).status() == 200);
    }

    private void cell(Role role, String object, String channel, boolean safe) {
        cells++;
        if (!safe) {
            leaks.add(role.name() + " × " + object + " × " + channel);
        }
    }

    // ---- the roles and their channels

    private List<Role> roles() throws Exception {
        List<Role> roles = new ArrayList<>();
        roles.add(new Role("anonymous", null, client(), false, false));
        roles.add(role("non-member", "reader@demo.local", Portal.DEMO_PASSWORD, false, false));
        String expired = "expired-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        long lapsed = portal.signUp(
                "{\"email\":\"" + expired + "\",\"displayName\":\"Lapsed Member\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(
                200,
                portal.putJson(
                                "/api/admin/members/" + lapsed + "/membership",
                                "{\"start\":\"2020-01-01\",\"expiry\":\"2021-01-01\"}",
                                "staff@demo.local")
                        .status());
        roles.add(role("expired member", expired, PASSWORD, false, false));
        // Signed up with an address it never proved: it may have no token, so the API sees it through Basic.
        String unproved = "unconfirmed-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        assertEquals(
                202,
                portal.postJson(
                                "/api/accounts",
                                "{\"email\":\"" + unproved + "\",\"displayName\":\"Unproved\",\"password\":\""
                                        + PASSWORD + "\"}")
                        .status());
        HttpClient unprovedPages = client();
        portal.signInThroughTheForm(unprovedPages, unproved, PASSWORD);
        roles.add(new Role(
                "unconfirmed account",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((unproved + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                unprovedPages,
                false,
                false));
        roles.add(role("member", "member@demo.local", Portal.DEMO_PASSWORD, true, false));
        roles.add(role("press", "press@demo.local", Portal.DEMO_PASSWORD, false, false));
        roles.add(role("staff", "staff@demo.local", Portal.DEMO_PASSWORD, true, true));
        roles.add(role("admin", "admin@demo.local", Portal.DEMO_PASSWORD, true, true));
        return roles;
    }

    private Role role(String name, String email, String password, boolean member, boolean staff) throws Exception {
        Portal.Answer token = portal.postJson("/api/me/tokens", "{\"name\":\"matrix\"}", email, password);
        assertEquals(201, token.status(), token.toString());
        HttpClient pages = client();
        portal.signInThroughTheForm(pages, email, password);
        return new Role(name, "Bearer " + token.json().getString("token"), pages, member, staff);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private Portal.Answer api(Role role, String path) {
        return send(role, portal.request(path).GET());
    }

    private Portal.Answer send(Role role, HttpRequest.Builder request) {
        // Each role from its own address (the test client is a trusted proxy), so no role spends another's limits.
        request.header(
                "X-Forwarded-For", "198.18.7." + (1 + Math.abs(role.name().hashCode() % 250)));
        if (role.authorization() != null) {
            request.header("Authorization", role.authorization());
        }
        return portal.send(request);
    }

    private HttpResponse<String> page(Role role, String path) {
        try {
            return role.pages()
                    .send(HttpRequest.newBuilder(portal.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }
}
