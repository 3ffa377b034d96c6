package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.ctoforum.reports.control.PdfComposer;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.XssPayloads;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 8, point 1: the whole attack corpus stored through the API in the fields members and staff write (post
 * bodies, thread titles, display name, district and job title, library entries) and sent as search queries, and
 * through the member's own forms in the browser (a thread previewed and started, the profile, the search box), then
 * every page that shows them opened in Chromium with {@code alert}, {@code confirm}, {@code prompt} and the console
 * hooked before any script of the page runs. Nothing may run, and no payload may even reach the point where the
 * Content-Security-Policy has to stop it.
 */
@RunAsClient
class AttackPayloadsIT extends BrowserTest {

    private static final Logger LOG = Logger.getLogger(AttackPayloadsIT.class.getName());
    private static final String MEMBER = "member@demo.local";
    private static final String STAFF = "staff@demo.local";
    private static final int THREADS = 9;
    private static final int LIBRARY_ENTRIES = 6;
    private static final int SEARCHES = 12;
    private static final int FORUM_SESSIONS = 4;
    private static final int REPORTS = 4;

    /** Counts what a payload would do if it ran, and what the CSP refused, in every document of the page. */
    private static final String HOOKS =
            """
            window.__ran = [];
            window.__refused = [];
            for (const name of ['alert', 'confirm', 'prompt', 'print']) {
              window[name] = function (message) { window.__ran.push(name + ': ' + message); return null; };
            }
            for (const name of ['log', 'info', 'warn', 'error', 'debug']) {
              const original = console[name];
              console[name] = function (...args) {
                const text = args.map(String).join(' ');
                if (/xss|payload|document\\.cookie/i.test(text)) { window.__ran.push('console.' + name + ': ' + text); }
                return original.apply(console, args);
              };
            }
            document.addEventListener('securitypolicyviolation', event => {
              window.__refused.push(event.violatedDirective + ' ' + (event.sample || event.blockedURI));
            });
            """;

    @Test
    void noStoredPayloadRunsOnAnyPage() {
        Portal portal = new Portal(base);
        List<String> payloads = XssPayloads.all();
        assertTrue(payloads.size() >= 150, "the corpus has " + payloads.size() + " payloads");
        String marker =
                "xsscorpus" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        JsonObject me = portal.get("/api/me", MEMBER).json();
        List<String> pages = new ArrayList<>();
        Map<String, Integer> stored = new LinkedHashMap<>();
        List<String> ran = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try {
            ((ChromeDriver) browser)
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
            // The control: a page without our CSP whose handler does run must be counted, or the hooks see nothing.
            browser.get("data:text/html,<img src=x onerror=alert(1)>");
            assertEquals(1, collected("__ran", "control").size(), "the hooks catch a payload that runs");
            signInAndWait(MEMBER, Portal.DEMO_PASSWORD);
            String formThread = throughTheForms(payloads, marker, stored, ran, refused);
            browser.manage().deleteAllCookies();

            stored.put("display name, district, job title", profile(portal, payloads));
            long category = publicCategory(portal);
            pages.add("/discussions/index.xhtml");
            pages.add("/discussions/index.xhtml?category=" + category);
            List<String> titles = XssPayloads.packed(payloads, 200 - marker.length() - 1);
            for (int i = 0; i < THREADS; i++) {
                // The first thread's opening post holds every payload, each its own paragraph.
                String body = i == 0 ? marker + "\n\n" + String.join("\n\n", payloads) : marker + " thread " + i;
                long thread = created(portal.postJson(
                        "/api/threads",
                        Json.createObjectBuilder()
                                .add("title", marker + " " + titles.get(i % titles.size()))
                                .add("body", body)
                                .add("categoryId", category)
                                .build()
                                .toString(),
                        MEMBER));
                pages.add("/discussions/thread.xhtml?id=" + thread);
            }
            stored.put("post bodies", payloads.size());
            stored.put("thread titles", countIn(titles.subList(0, Math.min(THREADS, titles.size())), payloads));

            List<String> summaries = XssPayloads.packed(payloads, 1000 - marker.length() - 1);
            for (int i = 0; i < LIBRARY_ENTRIES; i++) {
                JsonObject entry = portal.postJson(
                                "/api/library",
                                Json.createObjectBuilder()
                                        .add("title", marker + " " + titles.get((THREADS + i) % titles.size()))
                                        .add("summary", marker + " " + summaries.get(i % summaries.size()))
                                        .add("body", String.join("\n\n", payloads))
                                        .add("challengeArea", clipped(titles.get(i), 80))
                                        .add("tags", Json.createArrayBuilder().add("xss"))
                                        .add("source", titles.get(i))
                                        .add("access", "PUBLIC")
                                        .build()
                                        .toString(),
                                STAFF)
                        .json();
                pages.add("/library/entry.xhtml?slug=" + entry.getString("slug"));
            }
            pages.add("/library/index.xhtml");
            pages.add("/library/index.xhtml?q=" + marker);
            stored.put("library entries", payloads.size());

            for (int i = 0; i < SEARCHES; i++) {
                pages.add("/search.xhtml?q="
                        + URLEncoder.encode(payloads.get(i * 7 % payloads.size()), StandardCharsets.UTF_8));
            }
            pages.add("/search.xhtml?q=" + marker);
            stored.put("search queries", SEARCHES);
            stored.putAll(forumFields(portal, payloads, titles, marker, pages));
            stored.putAll(reportFields(portal, payloads, titles, pages));
            pages.add("/me/profile.xhtml");
            pages.add("/admin/members.xhtml");
            pages.add(formThread);

            signInAndWait(STAFF, Portal.DEMO_PASSWORD);
            for (String path : pages) {
                browser.get(page(path));
                ran.addAll(collected("__ran", path));
                refused.addAll(collected("__refused", path));
            }
            // Member's own view, where their payload-laden profile is an input's value.
            browser.manage().deleteAllCookies();
            signInAndWait(MEMBER, Portal.DEMO_PASSWORD);
            for (String path : List.of("/me/profile.xhtml", pages.get(2))) {
                browser.get(page(path));
                ran.addAll(collected("__ran", path));
                refused.addAll(collected("__refused", path));
            }
            LOG.info(() -> String.format(
                    "Attack payloads: %d in the corpus; stored %s; %d pages opened; %d ran; %d refused by the CSP",
                    payloads.size(), stored, pages.size() + 2, ran.size(), refused.size()));
            assertEquals(List.of(), ran, "payloads that ran");
            assertEquals(List.of(), refused, "payloads that reached the page as script, stopped only by the CSP");
        } finally {
            portal.putJson(
                    "/api/me",
                    Json.createObjectBuilder()
                            .add("displayName", me.getString("displayName"))
                            .add("district", me.getString("district", ""))
                            .add("jobTitle", me.getString("jobTitle", ""))
                            .build()
                            .toString(),
                    MEMBER);
        }
    }

    /**
     * The member's own forms in the browser: a thread previewed and then started with every payload in its body, the
     * profile saved with payloads in its three fields, and a payload typed into the search box. Fields are filled by
     * script (typing 60 KB takes minutes); the forms' own buttons send them. Answers the new thread's path.
     */
    private String throughTheForms(
            List<String> payloads, String marker, Map<String, Integer> stored, List<String> ran, List<String> refused) {
        browser.get(page("/discussions/new.xhtml"));
        String title = XssPayloads.packed(payloads, 200 - marker.length() - 1).get(1);
        fill(By.id("thread:title"), marker + " " + title);
        fill(By.id("thread:body"), marker + " through the form\n\n" + String.join("\n\n", payloads));
        browser.findElement(By.id("thread:preview")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".post-body.preview")));
        ran.addAll(collected("__ran", "new thread, preview"));
        refused.addAll(collected("__refused", "new thread, preview"));
        browser.findElement(By.id("thread:start")).click();
        waiting().until(ExpectedConditions.urlContains("/discussions/thread.xhtml?id="));
        String thread =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/discussions/"));
        stored.put("through the forms: post body, previewed and saved", payloads.size());
        stored.put("through the forms: thread title", countIn(List.of(title), payloads));

        browser.get(page("/me/profile.xhtml"));
        List<String> fields = List.of(
                XssPayloads.packed(payloads, 120).get(3),
                XssPayloads.packed(payloads, 160).get(4),
                XssPayloads.packed(payloads, 160).get(5));
        fill(By.id("profile:displayName"), fields.get(0));
        fill(By.id("profile:district"), fields.get(1));
        fill(By.id("profile:jobTitle"), fields.get(2));
        WebElement save = browser.findElement(By.id("profile:save"));
        save.click();
        waiting().until(ExpectedConditions.stalenessOf(save));
        assertEquals(
                fields.get(0), browser.findElement(By.id("profile:displayName")).getAttribute("value"));
        ran.addAll(collected("__ran", "profile, saved"));
        refused.addAll(collected("__refused", "profile, saved"));
        stored.put("through the forms: display name, district, job title", countIn(fields, payloads));

        browser.get(page("/search.xhtml"));
        browser.findElement(By.id("search-q")).sendKeys(payloads.get(0) + Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("q="));
        ran.addAll(collected("__ran", "search, typed"));
        refused.addAll(collected("__refused", "search, typed"));
        stored.put("through the forms: a search typed", 1);
        return thread;
    }

    private void fill(By field, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(field), value);
    }

    /** An edition's room, session titles and abstracts, written by staff; answers how many payloads each held. */
    private static Map<String, Integer> forumFields(
            Portal portal, List<String> payloads, List<String> titles, String marker, List<String> pages) {
        LocalDate day = LocalDate.now().plusMonths(5);
        long edition = created(portal.postJson(
                "/api/forums",
                Json.createObjectBuilder()
                        .add("title", "Forum " + marker)
                        .add("startDate", day.toString())
                        .add("endDate", day.plusDays(1).toString())
                        .add("timeZone", "America/Chicago")
                        .add("format", "HYBRID")
                        .add("capacity", 50)
                        .add("status", "PUBLISHED")
                        .build()
                        .toString(),
                STAFF));
        String roomName = clipped(titles.get(0), 80);
        long room = created(portal.postJson(
                "/api/forums/" + edition + "/rooms",
                Json.createObjectBuilder()
                        .add("name", roomName)
                        .add("capacity", 40)
                        .build()
                        .toString(),
                STAFF));
        List<String> sessionTitles = new ArrayList<>();
        for (int i = 0; i < FORUM_SESSIONS; i++) {
            String title = clipped(titles.get((THREADS + LIBRARY_ENTRIES + i) % titles.size()), 200);
            sessionTitles.add(title);
            created(portal.postJson(
                    "/api/forums/" + edition + "/sessions",
                    Json.createObjectBuilder()
                            .add("title", title)
                            .add("start", day + "T" + String.format("%02d:00", 9 + i))
                            .add("end", day + "T" + String.format("%02d:00", 10 + i))
                            .add("roomId", room)
                            .add("topic", "Cybersecurity")
                            // A quarter of the corpus each: an abstract may hold 20,000 characters.
                            .add(
                                    "abstractMarkdown",
                                    String.join(
                                            "\n\n",
                                            payloads.subList(
                                                    i * payloads.size() / FORUM_SESSIONS,
                                                    (i + 1) * payloads.size() / FORUM_SESSIONS)))
                            .build()
                            .toString(),
                    STAFF));
        }
        pages.add("/forums/edition.xhtml?id=" + edition);
        pages.add("/forums/index.xhtml");
        return Map.of(
                "forum room name", countIn(List.of(roomName), payloads),
                "session titles", countIn(sessionTitles, payloads),
                "session abstracts", payloads.size());
    }

    /** Draft reports: titles, summaries and the uploaded file's name; answers how many payloads each held. */
    private static Map<String, Integer> reportFields(
            Portal portal, List<String> payloads, List<String> titles, List<String> pages) {
        List<String> summaries = XssPayloads.packed(payloads, 2000);
        // Names with a path or control characters are refused outright; the rest are kept and shown. A quote
        // cannot stand unescaped in the multipart header the name travels in, so such names are left out.
        List<String> fileNames = payloads.stream()
                .filter(name -> name.length() <= 190
                        && !name.contains("/")
                        && !name.contains("\"")
                        && !name.contains("\\")
                        && !name.contains("..")
                        && name.chars()
                                .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
                .limit(REPORTS)
                .toList();
        List<String> reportTitles = new ArrayList<>();
        for (int i = 0; i < fileNames.size(); i++) {
            String title = clipped(titles.get((i * 5 + 3) % titles.size()), 200);
            reportTitles.add(title);
            String metadata = Json.createObjectBuilder()
                    .add("title", title)
                    .add("summary", summaries.get(i % summaries.size()))
                    .add("kind", "BRIEF")
                    .add("year", 2026)
                    .add("access", "MEMBERS")
                    .build()
                    .toString();
            byte[] pdf = PdfComposer.compose(
                    "Attack corpus", "Test report", "A summary.", List.of(new PdfComposer.Section("h", "body")));
            Portal.Answer draft = portal.postMultipart(
                    "/api/reports",
                    List.of(Portal.Part.json("metadata", metadata), Portal.Part.file(fileNames.get(i) + ".pdf", pdf)),
                    STAFF);
            assertEquals(201, draft.status(), draft.toString());
            pages.add("/reports/" + draft.json().getString("slug"));
        }
        pages.add("/admin/reports.xhtml");
        return Map.of(
                "report titles", countIn(reportTitles, payloads),
                "report summaries",
                        countIn(summaries.subList(0, Math.min(fileNames.size(), summaries.size())), payloads),
                "file names", fileNames.size());
    }

    /** member@'s display name, district and job title, each packed with payloads; answers how many it held. */
    private static int profile(Portal portal, List<String> payloads) {
        String name = XssPayloads.packed(payloads, 120).get(0);
        String district = XssPayloads.packed(payloads, 160).get(1);
        String job = XssPayloads.packed(payloads, 160).get(2);
        Portal.Answer saved = portal.putJson(
                "/api/me",
                Json.createObjectBuilder()
                        .add("displayName", name)
                        .add("district", district)
                        .add("jobTitle", job)
                        .build()
                        .toString(),
                MEMBER);
        assertEquals(200, saved.status(), saved.toString());
        return countIn(List.of(name, district, job), payloads);
    }

    private static String clipped(String text, int length) {
        return text.substring(0, Math.min(length, text.length()));
    }

    private static int countIn(List<String> fields, List<String> payloads) {
        return (int) payloads.stream()
                .filter(payload -> fields.stream().anyMatch(field -> field.contains(payload)))
                .count();
    }

    private static long publicCategory(Portal portal) {
        return portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals("PUBLIC") && !c.getBoolean("chathamHouseDefault"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private static long created(Portal.Answer answer) {
        assertEquals(201, answer.status(), answer.toString());
        return answer.json().getJsonNumber("id").longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> collected(String name, String path) {
        Object found = ((JavascriptExecutor) browser).executeScript("return window." + name + " || [];");
        List<String> entries = new ArrayList<>();
        for (Object entry : (List<Object>) found) {
            entries.add(path + " -> " + entry);
        }
        return entries;
    }
}
