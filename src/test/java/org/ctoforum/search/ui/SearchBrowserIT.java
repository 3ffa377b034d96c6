package org.ctoforum.search.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Search in a real browser: the top-bar box, facet checkboxes, "did you mean", locked hits, and the keyboard. */
@RunAsClient
class SearchBrowserIT extends BrowserTest {

    @Test
    void aReaderSearchesFromTheTopBarNarrowsByFacetAndFollowsDidYouMean() {
        browser.get(page("/index.xhtml"));
        // "/" jumps to the search box from anywhere on the page.
        browser.findElement(By.tagName("body")).sendKeys("/");
        waiting().until(driver -> "topbar-q"
                .equals(driver.switchTo().activeElement().getAttribute("id")));
        waitForIndex("cybersecurity");
        browser.switchTo().activeElement().sendKeys("cybersecurity", Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        assertTrue(browser.findElements(By.cssSelector("#hits .hit")).size() > 1);
        assertTrue(browser.findElement(By.cssSelector("#hits .snippet mark"))
                .getText()
                .equalsIgnoreCase("cybersecurity"));

        // The members-only survey shows locked to an anonymous reader.
        browser.findElement(By.xpath("//input[@name='type' and @value='report']"))
                .click();
        waiting().until(ExpectedConditions.urlContains("type=report"));
        List<WebElement> hits = browser.findElements(By.cssSelector("#hits .hit"));
        assertEquals(3, hits.size());
        assertTrue(hits.stream().allMatch(hit -> hit.getAttribute("class").contains("hit-report")));
        assertTrue(browser.findElements(By.cssSelector("#hits .badge.locked")).size() >= 1);
        assertTrue(browser.findElement(By.xpath("//input[@name='type' and @value='report']"))
                .isSelected());

        // Arrow keys walk the results.
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_DOWN);
        assertEquals("hit-title", browser.switchTo().activeElement().getAttribute("class"));

        browser.get(page("/search.xhtml?q=homwork"));
        browser.findElement(By.cssSelector("#did-you-mean a")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.id("search-q"), "value", "homework"));
        assertTrue(browser.findElement(By.id("hits")).getText().contains("Closing the homework gap"));
    }

    @Test
    void aMemberFindsThePhraseInsideAMembersOnlyReport() {
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        waitForIndex("cybersecurity");
        browser.get(page("/search.xhtml?q=%22threat+assessment+as+a+task%22"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hits")));
        assertTrue(browser.findElement(By.cssSelector("#hits .snippet mark"))
                .getText()
                .startsWith("threat"));
        browser.findElement(By.id("search-q")).clear();
        browser.findElement(By.id("search-q")).sendKeys("the of and", Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-notice")));
        assertTrue(browser.findElement(By.id("search-notice")).getText().contains("common words"));
    }

    /** The index is rebuilt in the background at first start. Waits as long as {@link #waiting()}, asking the API. */
    private void waitForIndex(String word) {
        Portal portal = new Portal(base);
        await().alias("the index to find " + word)
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> portal.get("/api/search?q=" + word)
                                .json()
                                .getJsonNumber("total")
                                .longValue()
                        > 0);
    }
}
