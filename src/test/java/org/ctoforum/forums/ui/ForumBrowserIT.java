package org.ctoforum.forums.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member registers for the next forum, builds an agenda and takes it to their calendar, in a real Chromium. */
@RunAsClient
class ForumBrowserIT extends BrowserTest {

    @Test
    void aMemberRegistersPicksSessionsAndGetsTheCalendar() {
        WebDriverWait wait = waiting();
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);

        browser.get(page("/forums/index.xhtml"));
        browser.findElement(By.linkText("Spring 2027 CTO Leadership Forum")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration")));
        if (!browser.findElements(By.id("registration:register")).isEmpty()) {
            browser.findElement(By.id("registration:register")).click();
        }
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("registration-status"), "You are registered"));

        browser.findElements(By.cssSelector(".pick-button")).get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "agenda"));

        browser.get(page("/me/agenda.xhtml"));
        String agenda = browser.findElement(By.id("entries")).getText();
        assertTrue(agenda.contains("Spring 2027 CTO Leadership Forum"), agenda);

        String ics = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript("var done = arguments[0];"
                        + "fetch(document.getElementById('agenda-ics').href).then(r => r.text()).then(done);");
        assertTrue(ics.startsWith("BEGIN:VCALENDAR"), ics);
        assertTrue(ics.contains("BEGIN:VEVENT") && ics.contains("TZID="), ics);
        assertTrue(ics.contains("Spring 2027 CTO Leadership Forum"), ics);

        // The page shows an address made earlier (the API tests make one for this member); the button replaces it.
        String earlier = browser.findElements(By.id("feed-url")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
        browser.findElement(By.id("feed:make")).click();
        String address = wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            String shown = driver.findElement(By.id("feed-url")).getText();
            return shown.contains("/feeds/agenda/cal_") && !shown.equals(earlier) ? shown : null;
        });
        assertTrue(address.contains("/feeds/agenda/cal_"), address);
    }

    @Test
    void staffPlanWithChartsAndTablesAndSeeConflictsBeforeSaving() {
        signInAndWait("staff@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/forums/index.xhtml"));
        browser.findElement(By.linkText("Spring 2026 CTO Leadership Forum")).click();
        browser.findElement(By.linkText("Plan this edition")).click();
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#registrations-chart canvas")));
        assertTrue(browser.findElements(By.cssSelector("#fill-chart canvas")).size() == 1);
        String figures = browser.findElement(By.id("fill-table")).getText();
        assertTrue(figures.contains("On agendas"), figures);
        assertTrue(browser.findElement(By.id("registrations-table")).getText().contains("Total"));

        browser.findElements(By.cssSelector("#sessions button")).stream()
                .filter(b -> b.getText().equals("Edit"))
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(driver -> !driver.findElement(By.id("session:facilitators"))
                .getAttribute("value")
                .isEmpty());
        browser.findElement(By.id("session:title")).sendKeys(" (revised)");
        browser.findElement(By.id("session:capacity_input")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session:check"), "No conflicts"));
    }
}
