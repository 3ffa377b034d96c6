package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 8, point 8: axe-core (the npm package's build, as Deque ships it in {@code com.deque.html.axe-core:selenium})
 * injected into each main page in Chromium, for a visitor, a member and staff. No serious or critical violation may
 * remain; the figures of every impact are logged.
 */
@RunAsClient
class AccessibilityIT extends BrowserTest {

    private static final Logger LOG = Logger.getLogger(AccessibilityIT.class.getName());
    private static final List<String> BLOCKING = List.of("serious", "critical");

    @Test
    void theMainPagesHaveNoSeriousOrCriticalViolations() throws IOException {
        Portal portal = new Portal(base);
        String axe = axeSource();
        long thread = portal.get("/api/threads")
                .json()
                .getJsonArray("threads")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long edition = portal.get("/api/forums")
                .array()
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String entry = portal.get("/api/library").array().getJsonObject(0).getString("slug");

        List<String> visitorPages = List.of(
                "/",
                "/signin.xhtml",
                "/signup.xhtml",
                "/forums/index.xhtml",
                "/forums/edition.xhtml?id=" + edition,
                "/discussions/index.xhtml",
                "/discussions/thread.xhtml?id=" + thread,
                "/reports/index.xhtml",
                "/reports/cybersecurity-top-priority-2020",
                "/library/index.xhtml",
                "/library/entry.xhtml?slug=" + entry,
                "/search.xhtml?q=budget",
                "/surveys/index.xhtml",
                "/surveys/results.xhtml?year=2020");
        List<String> memberPages = List.of(
                "/me/profile.xhtml",
                "/me/agenda.xhtml",
                "/me/notifications.xhtml",
                "/discussions/new.xhtml",
                "/surveys/results.xhtml?year=2021",
                "/surveys/answer.xhtml?year=2021",
                "/surveys/trend.xhtml?code=NET.FCC_GOAL_MET&group=all");
        List<String> staffPages = List.of(
                "/admin/dashboard.xhtml",
                "/admin/members.xhtml",
                "/admin/reports.xhtml",
                "/admin/moderation.xhtml",
                "/admin/search.xhtml",
                "/admin/surveys.xhtml",
                "/admin/districts.xhtml");

        Map<String, Integer> byImpact = new LinkedHashMap<>();
        List<String> blocking = new ArrayList<>();
        check(visitorPages, axe, byImpact, blocking);
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        check(memberPages, axe, byImpact, blocking);
        browser.manage().deleteAllCookies();
        signInAndWait("staff@demo.local", Portal.DEMO_PASSWORD);
        check(staffPages, axe, byImpact, blocking);

        int pages = visitorPages.size() + memberPages.size() + staffPages.size();
        LOG.info(() -> "axe-core on " + pages + " pages: violations by impact " + byImpact);
        assertEquals(List.of(), blocking, "serious or critical violations");
    }

    @SuppressWarnings("unchecked")
    private void check(List<String> paths, String axe, Map<String, Integer> byImpact, List<String> blocking) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        for (String path : paths) {
            browser.get(page(path));
            script.executeScript(axe);
            Object answer = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                    + " nodes: v.nodes.length, target: String(v.nodes[0].target),"
                    + " why: v.nodes.map(n => n.failureSummary).filter((w, i, all) => all.indexOf(w) === i)"
                    + ".join(' | ')}))))"
                    + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0,"
                    + " target: ''}]));");
            for (Map<String, Object> violation : (List<Map<String, Object>>) answer) {
                String impact = String.valueOf(violation.get("impact"));
                byImpact.merge(impact, ((Number) violation.get("nodes")).intValue(), Integer::sum);
                if (BLOCKING.contains(impact)) {
                    blocking.add(path + ": " + violation.get("id") + " (" + impact + ", " + violation.get("nodes")
                            + " nodes, first " + violation.get("target") + "): " + violation.get("help") + ": "
                            + violation.get("why"));
                }
            }
        }
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            assertNotNull(in, "axe.min.js comes with com.deque.html.axe-core:selenium");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
