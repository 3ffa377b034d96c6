package org.ctoforum.discussions.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

@RunAsClient
class DiscussionBrowserIT extends BrowserTest {

    static final String MARIA = "member@demo.local";
    static final String MARCUS = "member2@demo.local";

    private long startThread(Portal portal, String who, String category, String title, boolean chathamHouse) {
        long categoryId = portal.get("/api/categories", who).array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("slug").equals(category))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        Portal.Answer created = portal.postJson(
                "/api/threads",
                Json.createObjectBuilder()
                        .add("title", title)
                        .add("body", "How do we get principals to own the change?")
                        .add("categoryId", categoryId)
                        .add("chathamHouse", chathamHouse)
                        .build()
                        .toString(),
                who);
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void aMemberRepliesInMarkdownAndAnotherSeesTheThreadUnread() {
        Portal portal = new Portal(base);
        String title = "Walkthroughs " + UUID.randomUUID().toString().substring(0, 8);
        long thread = startThread(portal, MARCUS, "learning-culture", title, false);
        long first = portal.get("/api/threads/" + thread, MARCUS)
                .json()
                .getJsonArray("posts")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        portal.putJson("/api/threads/" + thread + "/read", "{\"lastRead\":" + first + "}", MARCUS);

        signInAndWait(MARIA, Portal.DEMO_PASSWORD);
        browser.get(page("/discussions/thread.xhtml?id=" + thread));
        browser.findElement(By.id("reply:body"))
                .sendKeys("Agreed. **Start with principals**, then:\n\n- walkthroughs\n- coaching");
        browser.findElement(By.id("reply:post")).click();
        WebElement bold = waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//div[contains(@class,'post-body')]//strong[text()='Start with principals']")));
        assertTrue(bold.isDisplayed());
        assertEquals(
                2,
                browser.findElements(By.xpath("//div[contains(@class,'post-body')]//li"))
                        .size(),
                "the list is rendered");

        browser.manage().deleteAllCookies();
        signInAndWait(MARCUS, Portal.DEMO_PASSWORD);
        assertFalse(browser.findElements(By.cssSelector("#bell .bell-count")).isEmpty(), "the bell shows a count");
        browser.get(page("/discussions/index.xhtml?category=learning-culture"));
        WebElement item = browser.findElement(By.cssSelector("li[data-thread='" + thread + "']"));
        assertTrue(item.getText().contains("1 unread"), item.getText());
        item.findElement(By.linkText(title)).click();
        WebElement unread =
                waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.unread")));
        assertTrue(unread.getText().contains("Start with principals"), unread.getText());
        assertTrue(browser.getCurrentUrl().contains("#post-"), browser.getCurrentUrl());
    }

    @Test
    void aChathamHouseThreadNeverShowsItsAuthor() {
        Portal portal = new Portal(base);
        String title = "Unspoken " + UUID.randomUUID().toString().substring(0, 8);
        long thread = startThread(portal, MARIA, "community-support", title, true);

        signInAndWait(MARCUS, Portal.DEMO_PASSWORD);
        browser.get(page("/discussions/thread.xhtml?id=" + thread));
        assertTrue(browser.findElement(By.id("chatham-banner")).getText().contains("Chatham House rule"));
        assertTrue(browser.findElement(By.cssSelector(".post-author")).getText().contains("A participant"));
        String html = browser.getPageSource();
        assertFalse(html.contains("Maria Member") || html.contains(MARIA), "the author leaked into the page");

        browser.get(page("/discussions/index.xhtml?category=community-support"));
        String list = browser.getPageSource();
        assertTrue(list.contains(title));
        assertFalse(list.contains("Maria Member") || list.contains(MARIA), "the author leaked into the list");
    }

    @Test
    void aMemberStartsAChathamHouseThreadAndStaffModerateIt() {
        String title = "Bond measures " + UUID.randomUUID().toString().substring(0, 8);
        signInAndWait(MARIA, Portal.DEMO_PASSWORD);
        browser.get(page("/discussions/new.xhtml?category=money"));
        assertTrue(browser.findElement(By.id("thread:chatham")).isSelected(), "money threads are Chatham House");
        assertTrue(browser.findElement(By.cssSelector("#thread\\:rule .chatham-banner"))
                .isDisplayed());
        browser.findElement(By.id("thread:title")).sendKeys(title);
        browser.findElement(By.id("thread:tags")).sendKeys("bonds, Community Outreach");
        browser.findElement(By.id("thread:body")).sendKeys("What made the *second* try pass?");
        browser.findElement(By.id("thread:start")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("thread-title"), title));
        assertTrue(browser.findElement(By.id("chatham-banner")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".post-author")).getText().contains("A participant (you"));
        assertTrue(browser.getPageSource().contains("#community-outreach"));
        browser.get(page("/me/notifications.xhtml"));
        assertTrue(browser.findElement(By.id("mail:choice")).isDisplayed());

        browser.manage().deleteAllCookies();
        signInAndWait("staff@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/discussions/index.xhtml?category=money"));
        browser.findElement(By.linkText(title)).click();
        browser.findElement(By.cssSelector("a[id$=':unmask']")).click();
        WebElement reason =
                waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[id$=':reason']")));
        reason.sendKeys("Checking a report of a threat");
        browser.findElement(By.cssSelector("button[id$=':send-unmask']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Maria Member"));

        browser.get(page("/admin/moderation.xhtml"));
        String log = browser.findElement(By.id("log")).getText();
        assertTrue(log.contains("unmask") && log.contains("Checking a report of a threat"), log);
        assertFalse(log.contains("Maria Member"), "the log names the post, not its author");
        assertTrue(browser.findElement(By.id("categories")).getText().contains("Money and investment"));
    }
}
