package org.ctoforum.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff dashboard: its figures through the API, searches counted as they happen, and the charts in a browser. */
@RunAsClient
class DashboardIT extends BrowserTest {

    private static final String STAFF = "staff@demo.local";

    @Test
    void onlyStaffSeeTheFigures() {
        Portal portal = new Portal(base);
        assertEquals(401, portal.get("/api/admin/dashboard").status());
        assertEquals(
                403, portal.get("/api/admin/dashboard", "member@demo.local").status());
        Portal.Answer answer = portal.get("/api/admin/dashboard", STAFF);
        assertEquals(200, answer.status(), answer.toString());

        JsonObject downloads = answer.json().getJsonObject("downloads");
        assertEquals(12, downloads.getJsonArray("months").size());
        JsonObject survey = named(downloads.getJsonArray("reports"), "The State of Ed Tech Leadership in 2020");
        // The demo's six months, ending with this one, from seeds/activity.json.
        List<Integer> lastSix = survey.getJsonArray("counts").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .skip(6)
                .map(jakarta.json.JsonNumber::intValue)
                .toList();
        assertTrue(lastSix.get(0) >= 14 && lastSix.get(2) >= 17, lastSix.toString());

        JsonArray editions = answer.json().getJsonArray("registrations");
        assertFalse(editions.isEmpty());
        assertTrue(
                editions.getValuesAs(JsonObject.class).stream().anyMatch(edition -> edition.getInt("registered") > 0));
        assertEquals(
                12, answer.json().getJsonObject("posts").getJsonArray("weeks").size());

        JsonObject searches = answer.json().getJsonObject("searches");
        assertTrue(searches.getJsonArray("common").getValuesAs(JsonObject.class).stream()
                .anyMatch(query -> query.getString("query").equals("cybersecurity") && query.getInt("searches") >= 46));
        assertTrue(searches.getJsonArray("foundNothing").getValuesAs(JsonObject.class).stream()
                .anyMatch(query -> query.getString("query").equals("chromebook repair program")));
    }

    @Test
    void aSearchThatFindsNothingShowsUpAsAContentGap() {
        Portal portal = new Portal(base);
        String gap = "gapword" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < 25; i++) {
            // Typed in different case and spacing: one query for the count.
            Portal.Answer search = portal.get("/api/search?q=" + (i % 2 == 0 ? gap : "%20" + gap.toUpperCase()));
            assertEquals(0, search.json().getJsonNumber("total").longValue());
        }
        // Paging refines a search already counted.
        portal.get("/api/search?page=2&q=" + gap);
        // Counts reach the database every 10 s.
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofSeconds(1)).until(driver -> {
            JsonArray nothing = portal.get("/api/admin/dashboard", STAFF)
                    .json()
                    .getJsonObject("searches")
                    .getJsonArray("foundNothing");
            return nothing.getValuesAs(JsonObject.class).stream()
                    .anyMatch(query -> query.getString("query").equals(gap)
                            && query.getInt("zeroHits") == 25
                            && query.getInt("searches") == 25);
        });
    }

    @Test
    void staffSeeEveryChartWithItsTable() {
        signInAndWait(STAFF, Portal.DEMO_PASSWORD);
        browser.findElement(By.id("staff-toggle")).click();
        browser.findElement(By.linkText("Dashboard")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#found-nothing-chart canvas")));
        JavascriptExecutor script = (JavascriptExecutor) browser;
        for (String chart : List.of(
                "downloads-chart",
                "registrations-chart",
                "posts-chart",
                "common-searches-chart",
                "found-nothing-chart")) {
            WebElement canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
            // Chart.js has drawn it: the canvas holds a chart with data.
            Object points = script.executeScript(
                    "const c = Chart.getChart(arguments[0]); return c ? c.data.datasets.length : -1;", canvas);
            assertTrue(((Number) points).intValue() > 0, chart + " drew " + points + " datasets");
        }
        for (String table : List.of(
                "downloads-table",
                "registrations-table",
                "posts-table",
                "common-searches-table",
                "found-nothing-table")) {
            assertFalse(
                    browser.findElements(By.cssSelector("#" + table + " tbody tr"))
                            .isEmpty(),
                    table + " is empty");
        }
        assertTrue(browser.findElement(By.id("downloads-table")).getText().contains("The State of Ed Tech Leadership"));
        assertTrue(browser.findElement(By.id("found-nothing-table")).getText().contains("chromebook repair program"));
    }

    private static JsonObject named(JsonArray series, String name) {
        return series.getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + series));
    }
}
