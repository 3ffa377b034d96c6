package org.ctoforum.reports.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Reports in a real browser: a member downloads a gated report; a non-member meets the join and buy page. */
@RunAsClient
class ReportBrowserIT extends BrowserTest {

    private static final String SURVEY = "state-of-ed-tech-leadership-2020";
    private static final String FORUM_REPORT = "undiscussables-of-technology-leadership-2013";

    @Test
    void aMemberFindsAGatedReportReadsItsSectionsAndDownloadsIt() {
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/reports/index.xhtml"));
        assertTrue(browser.findElement(By.id("theme-hurdles")).getText().contains("Hurdles"));
        browser.findElement(By.linkText(browser.findElement(By.xpath("//a[contains(@href, '/reports/" + SURVEY + "')]"))
                        .getText()))
                .click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("download")));
        assertTrue(browser.findElements(By.cssSelector(".report-section")).size() >= 10, "the ten findings show");
        assertTrue(browser.findElement(By.cssSelector("img.report-cover"))
                .getAttribute("src")
                .endsWith("/cover.png"));
        String href = browser.findElement(By.id("download")).getAttribute("href");

        String cookies = browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        assertFalse(cookies.isEmpty(), "the browser holds a session");
        HttpResponse<byte[]> file =
                new Portal(base).bytes(href.substring(href.indexOf("/reports/")), List.of("Cookie", cookies));
        assertEquals(200, file.statusCode());
        assertTrue(new String(file.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));

        browser.findElement(By.id("link-form:make-link")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-link")));
        assertTrue(
                browser.findElement(By.id("signed-link")).getAttribute("value").contains("/download?link="));
    }

    /** Issue 28: a member discusses a section where they read it, and the thread links back to the section. */
    @Test
    void aMemberDiscussesASectionFromTheReportPage() {
        String report = "hurdles-2026";
        JsonObject section = new Portal(base)
                .get("/api/reports/by-slug/" + report, "member@demo.local", Portal.DEMO_PASSWORD)
                .json()
                .getJsonArray("sections")
                .getJsonObject(1);
        String anchor = section.getString("anchor");
        assertEquals(0, section.getInt("discussions"), "the demo has no thread about this section");

        browser.get(page("/reports/" + report));
        assertTrue(browser.findElements(By.id("discussions-" + anchor)).isEmpty(), "the members' category is theirs");
        assertTrue(browser.findElement(By.id(anchor))
                .findElement(By.partialLinkText("Sign in to discuss this section"))
                .getAttribute("href")
                .contains("/signin.xhtml"));
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/reports/" + report));
        assertEquals(
                "0 member discussions",
                browser.findElement(By.id("discussions-" + anchor)).getText());
        browser.findElement(By.id("discuss-" + anchor)).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("thread:body")));
        assertTrue(browser.findElement(By.id("about-section")).getText().contains(section.getString("heading")));
        String title = browser.findElement(By.id("thread:title")).getAttribute("value");
        assertTrue(title.contains(section.getString("heading")), "the title starts from the section: " + title);
        browser.findElement(By.id("thread:body")).sendKeys("Our district cut the refresh cycle first. And yours?");
        browser.findElement(By.id("thread:start")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("section-link")));
        assertTrue(browser.findElement(By.cssSelector(".post-body blockquote")).isDisplayed(), "the section is quoted");
        String back = browser.findElement(By.id("section-link")).getAttribute("href");
        assertTrue(back.endsWith("/reports/" + report + "#" + anchor), back);
        browser.findElement(By.id("section-link")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("discussions-" + anchor)));
        assertEquals(
                "1 member discussion",
                browser.findElement(By.id("discussions-" + anchor)).getText());
        assertEquals(
                title,
                browser.findElement(By.cssSelector("#" + anchor + " .section-discussions li a"))
                        .getText());
    }

    @Test
    void aNonMemberIsShownHowToJoinOrBuyAndAsksToBuy() {
        signInAndWait("reader@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/reports/" + FORUM_REPORT + "/download"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ways-in")));
        assertTrue(browser.findElement(By.id("ways-in-title")).getText().contains("for members"));
        assertTrue(browser.findElement(By.id("join")).isDisplayed());
        assertTrue(browser.findElements(By.id("download")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector(".report-section")).isEmpty(), "no gated section shows");
        browser.findElement(By.id("request-form:request-message")).sendKeys("For our district's board retreat");
        browser.findElement(By.id("request-form:buy")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "how to pay"));

        browser.manage().deleteAllCookies();
        browser.get(page("/reports/" + FORUM_REPORT + "/download"));
        waiting().until(ExpectedConditions.urlContains("/signin.xhtml"));
    }

    /** Issue 22, point 3: staff take a press copy back from the report's page, with a reason. */
    @Test
    void staffRevokeAPressCopyFromTheReportsPage() {
        Portal portal = new Portal(base);
        long id = portal.get("/api/reports/by-slug/" + FORUM_REPORT)
                .json()
                .getJsonNumber("id")
                .longValue();
        Portal.Answer asked =
                portal.postJson("/api/reports/" + id + "/access-requests", "{\"kind\": \"PRESS\"}", "press@demo.local");
        if (asked.status() == 201) {
            portal.postJson(
                    "/api/access-requests/" + asked.json().getJsonNumber("id") + "/approve", "{}", "staff@demo.local");
        }
        String file = "/api/reports/" + id + "/file";
        assertEquals(200, portal.bytes(file, List.of(), "press@demo.local").statusCode());

        signInAndWait("staff@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/reports/" + FORUM_REPORT));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("grants-form:grants")));
        browser.findElement(By.id("grants-form:revoke-reason")).sendKeys("The article ran; the copy was for review");
        browser.findElement(By.xpath("//table[@id='grants-form:grants']//tr[td[contains(., 'press@demo.local')]]"
                        + "//input[@type='submit']"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Revoked"));
        assertTrue(browser.findElement(By.id("grants-form:grants"))
                .getText()
                .contains("The article ran; the copy was for review"));
        assertEquals(403, portal.bytes(file, List.of(), "press@demo.local").statusCode());
    }
}
