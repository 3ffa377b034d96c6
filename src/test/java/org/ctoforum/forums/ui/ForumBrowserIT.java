package org.ctoforum.forums.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.ctoforum.testing.Browser;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member registers for the next forum, builds an agenda and takes it to their calendar, in a real Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForumBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String page(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aMemberRegistersPicksSessionsAndGetsTheCalendar() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(page("/signin.xhtml"));
        browser.findElement(By.id("signin:email")).sendKeys("member@demo.local");
        browser.findElement(By.id("signin:password")).sendKeys(Portal.DEMO_PASSWORD);
        browser.findElement(By.id("signin:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));

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

        browser.findElement(By.id("feed:make")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feed-url")));
        assertTrue(browser.findElement(By.id("feed-url")).getText().contains("/feeds/agenda/cal_"));
    }
}
