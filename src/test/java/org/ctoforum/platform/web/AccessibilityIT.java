package org.ctoforum.platform.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Keyboard;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 28: axe-core (the npm build Deque ships in {@code com.deque.html.axe-core:selenium}) on every page of the WAR,
 * for a visitor, a member and staff, with the WCAG 2.0/2.1/2.2 A and AA rules, the experimental ones included. No
 * serious or critical violation may remain; the figures of every impact are logged. The same walk checks that no page
 * scrolls sideways on a 390 px phone, and that the signed-in top bar stays one row at 1280 and 1024 px. Five
 * journeys are then done with the keyboard alone ({@link Keyboard}), focus showing after every key.
 */
@RunAsClient
class AccessibilityIT extends BrowserTest {

    private static final Logger LOG = Logger.getLogger(AccessibilityIT.class.getName());
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static final int PHONE = 390;
    private static final String[] STAFF = {"staff@demo.local", Portal.DEMO_PASSWORD};
    private static final String GATED_REPORT = "undiscussables-of-technology-leadership-2013";
    private static final String OPEN_FORUM = "Spring 2027 CTO Leadership Forum";

    /** Facelets in the WAR that no walk below opens, and why; every other one must be checked. */
    private static final Map<String, String> SKIPPED = Map.of();

    /**
     * Every rule tagged with a WCAG A/AA level runs, including those axe leaves off by default (tagged experimental):
     * the run enables them one by one, since runOnly by tag alone excludes them. Deprecated rules stay off.
     */
    private static final String RUN_AXE =
            """
            const done = arguments[arguments.length - 1];
            const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
            const wanted = axe.getRules(tags).filter(r => !r.tags.includes('deprecated'));
            const rules = {};
            wanted.forEach(r => rules[r.ruleId] = {enabled: true});
            axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: rules, resultTypes: ['violations']})
              .then(r => done({
                wanted: wanted.map(w => w.ruleId),
                experimental: wanted.filter(w => w.tags.includes('experimental')).map(w => w.ruleId),
                ran: [].concat(r.passes, r.violations, r.incomplete, r.inapplicable).map(x => x.id),
                violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                  target: String(v.nodes[0].target),
                  why: v.nodes.map(n => n.failureSummary).filter((w, i, all) => all.indexOf(w) === i).join(' | ')}))
              }))
              .catch(e => done({wanted: [], experimental: [], ran: [], violations: [{id: 'axe-error',
                impact: 'critical', help: String(e), nodes: 0, target: '', why: ''}]}));
            """;

    private final Map<String, Integer> byImpact = new LinkedHashMap<>();
    private final List<String> blocking = new ArrayList<>();
    private final List<String> sideways = new ArrayList<>();
    private final List<String> topBar = new ArrayList<>();
    private final TreeSet<String> checked = new TreeSet<>();
    private final TreeSet<String> experimentalRan = new TreeSet<>();
    private String axe;
    private Keyboard keys;

    @BeforeEach
    void keyboard() {
        keys = new Keyboard(browser);
    }

    @Test
    void everyPageMeetsWcagAaForEveryRoleAndFitsAPhone() throws IOException {
        Portal portal = new Portal(base);
        axe = axeSource();
        // An edition with sessions, so that its page and a session's notes show them.
        JsonObject sessionOfAForum = portal.get("/api/forums").array().getValuesAs(JsonObject.class).stream()
                .flatMap(e -> portal
                        .get("/api/forums/" + e.getJsonNumber("id") + "/sessions", STAFF)
                        .array()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(s -> Json.createObjectBuilder()
                                .add("edition", e.getJsonNumber("id"))
                                .add("session", s.getJsonNumber("id"))
                                .build()))
                .findFirst()
                .orElseThrow();
        long edition = sessionOfAForum.getJsonNumber("edition").longValue();
        long session = sessionOfAForum.getJsonNumber("session").longValue();
        String entry = portal.get("/api/library").array().getJsonObject(0).getString("slug");
        long survey = portal.get("/api/surveys", STAFF)
                .array()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long markdownThread = markdownThread(portal);
        String invited = "a11y-invited-" + UUID.randomUUID() + "@example.org";
        assertEquals(
                201,
                portal.postJson("/api/admin/invitations", "{\"email\":\"" + invited + "\"}", STAFF)
                        .status());
        String resetting = "a11y-reset-" + UUID.randomUUID() + "@example.org";
        portal.signUp("{\"email\":\"" + resetting + "\",\"password\":\"" + Portal.DEMO_PASSWORD
                + "\",\"displayName\":\"Reset Tester\"}");
        portal.postJson("/api/password-resets", "{\"email\":\"" + resetting + "\"}");
        String confirming = "a11y-confirm-" + UUID.randomUUID() + "@example.org";
        portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + confirming + "\",\"password\":\"" + Portal.DEMO_PASSWORD
                        + "\",\"displayName\":\"Confirm Tester\"}");

        check("index.xhtml", "/");
        check("signin.xhtml", "/signin.xhtml");
        check("signup.xhtml", "/signup.xhtml");
        check("join.xhtml", "/join.xhtml");
        check("forgot-password.xhtml", "/forgot-password.xhtml");
        check(
                "password-reset.xhtml",
                "/password-reset.xhtml?token=" + Portal.mailedToken(resetting, "password-reset.xhtml"));
        check("invitation.xhtml", "/invitation.xhtml?token=" + Portal.mailedToken(invited, "invitation.xhtml"));
        check("confirm.xhtml", "/confirm.xhtml?token=" + Portal.mailedToken(confirming, "confirm.xhtml"));
        check("setup.xhtml", "/setup.xhtml?token=no-such-token");
        check("unsubscribe.xhtml", "/unsubscribe.xhtml?token=no-such-token");
        check("problem-types.xhtml", "/problem-types.xhtml");
        check("errors/not-found.xhtml", "/no-such-page.xhtml");
        check("errors/error.xhtml", "/errors/error.xhtml");
        check("forums/index.xhtml", "/forums/index.xhtml");
        check("forums/edition.xhtml", "/forums/edition.xhtml?id=" + edition);
        check("discussions/index.xhtml", "/discussions/index.xhtml");
        check("discussions/thread.xhtml", "/discussions/thread.xhtml?id=" + markdownThread);
        List<String> missing = Stream.of(
                        "h1",
                        "h2",
                        "h3",
                        "strong",
                        "em",
                        "pre code",
                        "blockquote blockquote",
                        "ol li ul",
                        "table thead th",
                        "a[href]",
                        "hr")
                .filter(tag -> browser.findElements(By.cssSelector(".post-body " + tag))
                        .isEmpty())
                .toList();
        assertEquals(List.of(), missing, "the Markdown constructs the thread was to show");
        check("reports/index.xhtml", "/reports/index.xhtml");
        check("reports/report.xhtml", "/reports/cybersecurity-top-priority-2020");
        check("library/index.xhtml", "/library/index.xhtml");
        check("library/entry.xhtml", "/library/entry.xhtml?slug=" + entry);
        check("search.xhtml", "/search.xhtml?q=budget");
        check("surveys/index.xhtml", "/surveys/index.xhtml");
        check("surveys/results.xhtml", "/surveys/results.xhtml?year=2020");

        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        checkTopBar("member");
        check("index.xhtml", "/");
        // A trend report: its sections carry their discussions.
        check("reports/report.xhtml", "/reports/hurdles-2026");
        check("me/profile.xhtml", "/me/profile.xhtml");
        check("me/agenda.xhtml", "/me/agenda.xhtml");
        check("me/notifications.xhtml", "/me/notifications.xhtml");
        check("discussions/new.xhtml", "/discussions/new.xhtml");
        check("discussions/thread.xhtml", "/discussions/thread.xhtml?id=" + markdownThread);
        check("forums/edition.xhtml", "/forums/edition.xhtml?id=" + edition);
        check("surveys/results.xhtml", "/surveys/results.xhtml?year=2021");
        check("surveys/answer.xhtml", "/surveys/answer.xhtml?year=2021");
        check("surveys/trend.xhtml", "/surveys/trend.xhtml?code=NET.FCC_GOAL_MET&group=all");
        check("errors/forbidden.xhtml", "/admin/dashboard.xhtml");

        browser.manage().deleteAllCookies();
        signInAndWait(STAFF[0], STAFF[1]);
        checkTopBar("staff");
        check("index.xhtml", "/");
        check("admin/dashboard.xhtml", "/admin/dashboard.xhtml");
        check("admin/members.xhtml", "/admin/members.xhtml");
        check("admin/reports.xhtml", "/admin/reports.xhtml");
        check("admin/moderation.xhtml", "/admin/moderation.xhtml");
        check("admin/search.xhtml", "/admin/search.xhtml");
        check("admin/surveys.xhtml", "/admin/surveys.xhtml");
        check("admin/survey.xhtml", "/admin/survey.xhtml?id=" + survey);
        check("admin/districts.xhtml", "/admin/districts.xhtml");
        check("admin/edition.xhtml", "/admin/edition.xhtml?id=" + edition);
        check("admin/identity-providers.xhtml", "/admin/identity-providers.xhtml");
        check("admin/invitations.xhtml", "/admin/invitations.xhtml");
        check("forums/notes.xhtml", "/forums/notes.xhtml?edition=" + edition + "&session=" + session);
        check("discussions/thread.xhtml", "/discussions/thread.xhtml?id=" + markdownThread);

        LOG.info(() -> "axe-core on " + checked.size() + " facelets: violations by impact " + byImpact
                + "; experimental rules run: " + experimentalRan);
        TreeSet<String> unchecked = facelets();
        unchecked.removeAll(checked);
        unchecked.removeAll(SKIPPED.keySet());
        assertAll(
                () -> assertTrue(
                        experimentalRan.contains("label-content-name-mismatch"),
                        "the experimental rules ran: " + experimentalRan),
                () -> assertEquals(List.of(), blocking, "serious or critical violations"),
                () -> assertEquals(List.of(), sideways, "pages that scroll sideways at " + PHONE + " px"),
                () -> assertEquals(List.of(), topBar, "top bars that take more than one row"),
                () -> assertEquals(new TreeSet<>(), unchecked, "pages neither checked nor skipped with a reason"));
    }

    @Test
    void aKeyboardAloneSignsIn() {
        signInByKeyboard("member@demo.local", Portal.DEMO_PASSWORD);
        assertTrue(browser.findElement(By.id("account-name")).getText().contains("Member"));
    }

    @Test
    void aKeyboardAloneRegistersForAForumAndAddsASessionToTheAgenda() {
        Portal portal = new Portal(base);
        String email = "keyboard-member-" + UUID.randomUUID() + "@example.org";
        long id = signUp(portal, email);
        assertEquals(
                200,
                portal.putJson(
                                "/api/admin/members/" + id + "/membership",
                                "{\"start\":\"" + LocalDate.now().minusDays(1) + "\"}",
                                STAFF)
                        .status());
        signInByKeyboard(email, Portal.DEMO_PASSWORD);

        keys.tabTo("the Forums link in the menu", By.cssSelector(".site-nav a[href$='/forums/index.xhtml']"));
        keys.pressAndLoad(Keys.ENTER);
        keys.tabTo("the forum open for registration", By.linkText(OPEN_FORUM));
        keys.pressAndLoad(Keys.ENTER);
        keys.tabTo("the Register button", By.cssSelector("#registration\\:register"));
        keys.press(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("registration-status"), "registered"));
        WebElement pick = keys.tabTo("the first Add to my agenda button", By.cssSelector(".pick-button"));
        String session = pick.getAttribute("aria-label").replaceFirst("^Add to my agenda: ", "");
        keys.press(Keys.SPACE);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "agenda"));

        String agenda =
                portal.get("/api/me/agenda", email, Portal.DEMO_PASSWORD).body();
        assertTrue(agenda.contains(session), session + " in " + agenda);
    }

    @Test
    void aKeyboardAloneOpensTheStaffMenu() {
        signInByKeyboard(STAFF[0], STAFF[1]);
        WebElement toggle = keys.tabTo("the Staff menu", By.id("staff-toggle"));
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        keys.press(Keys.ENTER);
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        keys.tabTo("the Dashboard link", By.linkText("Dashboard"));
        keys.pressAndLoad(Keys.ENTER);
        assertTrue(browser.getCurrentUrl().endsWith("/admin/dashboard.xhtml"), browser.getCurrentUrl());
    }

    @Test
    void aKeyboardAloneRepliesToAThread() {
        Portal portal = new Portal(base);
        long thread = startThread(portal, "Keyboard replies " + UUID.randomUUID(), "Who replies without a mouse?");
        signInByKeyboard("member@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/discussions/thread.xhtml?id=" + thread));

        String reply = "I do, with Tab and Enter " + UUID.randomUUID();
        keys.tabTo("the reply box", By.cssSelector("#reply\\:body"));
        keys.type(reply);
        keys.tabTo("the Post reply button", By.cssSelector("#reply\\:post"));
        keys.press(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), reply));

        String posts = portal.get("/api/threads/" + thread).body();
        assertTrue(posts.contains(reply), posts);
    }

    @Test
    void aKeyboardAloneRequestsAGatedReport() {
        Portal portal = new Portal(base);
        String email = "keyboard-reader-" + UUID.randomUUID() + "@example.org";
        signUp(portal, email);
        signInByKeyboard(email, Portal.DEMO_PASSWORD);
        browser.get(page("/reports/" + GATED_REPORT));

        keys.tabTo("the note for staff", By.cssSelector("#request-form\\:request-message"));
        keys.type("For our board retreat");
        keys.tabTo("the Buy button", By.cssSelector("#request-form\\:buy"));
        keys.pressAndLoad(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "how to pay"));

        String mine = portal.get("/api/access-requests/mine", email, Portal.DEMO_PASSWORD)
                .body();
        assertTrue(mine.contains("For our board retreat"), mine);
    }

    @Test
    void aKeyboardAloneSearchesAndNarrowsByAFacet() {
        Portal portal = new Portal(base);
        await().alias("the index to find cybersecurity")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> portal.get("/api/search?q=cybersecurity").json().getInt("total") > 0);
        browser.get(page("/index.xhtml"));

        keys.tabTo("the search box in the top bar", By.cssSelector("#topbar-q"));
        keys.type("cybersecurity");
        keys.pressAndLoad(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        keys.tabTo("the Reports facet", By.cssSelector("input[name='type'][value='report']"));
        keys.pressAndLoad(Keys.SPACE);
        assertTrue(browser.getCurrentUrl().contains("type=report"), browser.getCurrentUrl());

        List<WebElement> hits = browser.findElements(By.cssSelector("#hits .hit"));
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(hit -> hit.getAttribute("class").contains("hit-report")));
        // The arrow keys walk the hits.
        keys.press(Keys.ARROW_DOWN);
        keys.press(Keys.ARROW_DOWN);
        keys.press(Keys.ARROW_UP);
        assertEquals(
                browser.findElements(By.cssSelector("#hits .hit-title")).get(0),
                keys.focused(),
                "back on the first hit");
    }

    private void signInByKeyboard(String email, String password) {
        browser.get(page("/index.xhtml"));
        keys.tabTo("the Sign in link", By.cssSelector("#signin-link"));
        keys.pressAndLoad(Keys.ENTER);
        keys.tabTo("the email field", By.cssSelector("#signin\\:email"));
        keys.type(email);
        keys.press(Keys.TAB);
        assertEquals("signin:password", keys.focused().getAttribute("id"));
        keys.type(password);
        // Back and forth once: Shift+Tab must lead back to the email.
        keys.shiftTab();
        assertEquals("signin:email", keys.focused().getAttribute("id"));
        keys.tabTo("the Sign in button", By.cssSelector("#signin\\:submit"));
        keys.pressAndLoad(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
    }

    private static long signUp(Portal portal, String email) {
        return portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"Keyboard User\",\"password\":\""
                + Portal.DEMO_PASSWORD + "\"}");
    }

    /** A thread of staff whose two posts hold every Markdown construct the portal renders. */
    private static long markdownThread(Portal portal) {
        String opening =
                """
                # A heading of level one

                ## Of level two

                ### And of level three

                A paragraph with **bold**, *italic* and `inline code`, a [link](https://example.org/page)
                and an autolink https://example.org/auto, then an image: ![a chart of budgets](https://example.org/chart.png)

                > A quote of someone, with a [link in it](https://example.org/quoted) and `code`.
                >
                > > And a quote in the quote.

                ```java
                class Budget { long cents = 1_000_000; } // a long line of code that is wider than a phone's screen is
                ```

                1. First
                2. Second
                   - nested
                   - list

                - one
                - two

                ---

                | District | Budget | A column whose heading is long | And another one |
                |---|---:|---|---|
                | North | 1,200,000 | a cell with [a link](https://example.org/cell) | `code` |
                | South | 800,000 | a second row | with text |
                """;
        long id = startThread(portal, "Every Markdown construct " + UUID.randomUUID(), opening);
        portal.postJson(
                "/api/threads/" + id + "/posts",
                Json.createObjectBuilder()
                        .add(
                                "body",
                                "> Quoting the table above\n\nA reply with `code`, a [link](https://example.org)"
                                        + " and\n\n    an indented code block\n")
                        .build()
                        .toString(),
                STAFF);
        return id;
    }

    /** A thread staff start in the first public category; answers its id. */
    private static long startThread(Portal portal, String title, String body) {
        long category = portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals("PUBLIC"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        return portal.postJson(
                        "/api/threads",
                        Json.createObjectBuilder()
                                .add("title", title)
                                .add("body", body)
                                .add("categoryId", category)
                                .build()
                                .toString(),
                        STAFF)
                .json()
                .getJsonNumber("id")
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private void check(String facelet, String path) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        checked.add(facelet);
        browser.get(page(path));
        script.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) script.executeAsyncScript(RUN_AXE);
        List<String> ran = (List<String>) result.get("ran");
        List<String> missing = new ArrayList<>((List<String>) result.get("wanted"));
        missing.removeAll(ran);
        if (!missing.isEmpty()) {
            blocking.add(path + ": rules that did not run: " + missing);
        }
        experimentalRan.addAll((List<String>) result.get("experimental"));
        for (Map<String, Object> violation : (List<Map<String, Object>>) result.get("violations")) {
            String impact = String.valueOf(violation.get("impact"));
            byImpact.merge(impact, ((Number) violation.get("nodes")).intValue(), Integer::sum);
            String line = path + ": " + violation.get("id") + " (" + impact + ", " + violation.get("nodes")
                    + " nodes, first " + violation.get("target") + "): " + violation.get("help") + ": "
                    + violation.get("why");
            if (BLOCKING.contains(impact)) {
                blocking.add(line);
            } else {
                LOG.info(line);
            }
        }
        viewport(PHONE);
        // Charts redraw for the new width a few frames later: give the layout up to a second to settle.
        long scrollWidth = ((Number) script.executeAsyncScript(
                        """
                        const done = arguments[arguments.length - 1];
                        const started = performance.now();
                        (function measure() {
                          const width = document.documentElement.scrollWidth;
                          if (width <= %d || performance.now() - started > 1000) done(width);
                          else requestAnimationFrame(measure);
                        })();
                        """
                                .formatted(PHONE)))
                .longValue();
        if (scrollWidth > PHONE) {
            sideways.add(path + ": " + scrollWidth + " px wide, widest: " + script.executeScript(WIDEST));
        }
        viewport(0);
    }

    /** The elements that stick out furthest to the right, to name the cause of a sideways scroll. */
    private static final String WIDEST =
            """
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
              .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
              .join(', ');
            """;

    /** The top bar's items on one row: their vertical middles within a few pixels, the bar one item high. */
    @SuppressWarnings("unchecked")
    private void checkTopBar(String role) {
        for (int width : List.of(1280, 1024)) {
            viewport(width);
            browser.get(page("/forums/index.xhtml"));
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main h1")));
            Map<String, Object> bar = (Map<String, Object>)
                    ((JavascriptExecutor) browser)
                            .executeScript(
                                    """
                    const items = [...document.querySelectorAll('.brand, .topbar-search input, .site-nav .menu > li > *,'
                      + ' .account-nav > a, .account-nav input, .account-nav button')].filter(e => e.offsetParent !== null);
                    const middles = items.map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
                    const inner = document.querySelector('.topbar-inner');
                    const style = getComputedStyle(inner);
                    return {items: items.length, spread: Math.max(...middles) - Math.min(...middles),
                      tallest: Math.max(...items.map(e => e.getBoundingClientRect().height)),
                      content: inner.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
                      names: items.map(e => (e.textContent || e.placeholder).trim()).join(' | ')};
                    """);
            double spread = ((Number) bar.get("spread")).doubleValue();
            double content = ((Number) bar.get("content")).doubleValue();
            double tallest = ((Number) bar.get("tallest")).doubleValue();
            if (spread > 4 || content > tallest + 4) {
                topBar.add(role + " at " + width + " px: middles " + spread + " px apart, bar " + content
                        + " px high for items of " + tallest + " px: " + bar.get("names"));
            }
        }
        viewport(0);
    }

    /** Emulates a viewport this many CSS pixels wide; 0 goes back to the window's own size. */
    private void viewport(int width) {
        HasCdp cdp = (HasCdp) browser;
        if (width == 0) {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            cdp.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /** The pages of the WAR under test: its .xhtml files outside WEB-INF. */
    private static TreeSet<String> facelets() throws IOException {
        TreeSet<String> pages = new TreeSet<>();
        try (ZipFile war = new ZipFile(System.getProperty("portal.it.war"))) {
            war.stream()
                    .map(e -> e.getName())
                    .filter(name -> name.endsWith(".xhtml") && !name.startsWith("WEB-INF/"))
                    .forEach(pages::add);
        }
        return pages;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            assertNotNull(in, "axe.min.js comes with com.deque.html.axe-core:selenium");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
