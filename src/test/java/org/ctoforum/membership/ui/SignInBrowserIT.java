package org.ctoforum.membership.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Membership pages in a real Chromium against a real Payara Micro. */
@RunAsClient
class SignInBrowserIT extends BrowserTest {

    @Test
    void aMemberSignsInThroughThePageAndSeesTheirName() {
        signIn("member@demo.local", Portal.DEMO_PASSWORD);
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
        assertEquals("Maria Member", name.getText());

        browser.findElement(By.cssSelector("#signout input[type=submit], #signout button"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-link")));
        assertTrue(browser.findElements(By.id("account-name")).isEmpty(), "signed out");
    }

    @Test
    void aWrongPasswordShowsAMessageAndNoName() {
        signIn("member2@demo.local", "certainly wrong");
        // Found anew at each look: the form's own page has an empty #messages until the answer replaces it.
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "email or password is wrong"));
        assertTrue(browser.findElements(By.id("account-name")).isEmpty());
    }

    @Test
    void aProtectedPageSendsToSignInAndBackAfterwards() {
        browser.get(page("/me/profile.xhtml"));
        assertTrue(browser.getCurrentUrl().contains("/signin.xhtml"), browser.getCurrentUrl());
        browser.findElement(By.id("signin:email")).sendKeys("press@demo.local");
        browser.findElement(By.id("signin:password")).sendKeys(Portal.DEMO_PASSWORD);
        browser.findElement(By.id("signin:submit")).click();
        waiting().until(ExpectedConditions.urlContains("/me/profile.xhtml"));
        assertTrue(browser.getPageSource().contains("press@demo.local"));
    }

    @Test
    void aNewcomerSignsUpAndCreatesAnApiToken() {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        browser.get(page("/signup.xhtml"));
        browser.findElement(By.id("signup:email")).sendKeys(email);
        browser.findElement(By.id("signup:displayName")).sendKeys("Bea Browser");
        browser.findElement(By.id("signup:password")).sendKeys("password");
        browser.findElement(By.id("signup:passwordAgain")).sendKeys("password");
        browser.findElement(By.id("signup:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "commonly used"));

        browser.findElement(By.id("signup:password")).sendKeys("a passphrase for bea");
        browser.findElement(By.id("signup:passwordAgain")).sendKeys("a passphrase for bea");
        browser.findElement(By.id("signup:submit")).click();
        waiting().until(ExpectedConditions.urlContains("/signin.xhtml"));

        signInAndWait(email, "a passphrase for bea");
        browser.get(page("/me/profile.xhtml"));
        assertTrue(browser.findElement(By.id("confirm-address")).isDisplayed(), "told to confirm the address");
        assertTrue(browser.findElements(By.id("tokens:create")).isEmpty(), "no tokens before the address is proved");

        browser.get(page("/confirm.xhtml?token=" + Portal.mailedToken(email, "confirm.xhtml")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirmed"), email));
        browser.get(page("/me/profile.xhtml"));
        assertTrue(browser.findElements(By.id("confirm-address")).isEmpty());
        browser.findElement(By.id("tokens:tokenName")).sendKeys("script");
        browser.findElement(By.id("tokens:create")).click();
        String token = browser.findElement(By.id("new-token")).getText();
        assertTrue(token.startsWith("ctf_"), token);
    }

    @Test
    void staffSeeTheMemberListAndMembersDoNot() throws Exception {
        signInAndWait("member@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/admin/members.xhtml"));
        assertTrue(browser.getPageSource().contains("Not allowed"), "a member is refused the staff page");
        assertFalse(browser.getPageSource().contains("Import members"));

        browser.manage().deleteAllCookies();
        signInAndWait("staff@demo.local", Portal.DEMO_PASSWORD);
        browser.get(page("/admin/members.xhtml"));
        WebElement table = browser.findElement(By.id("members:list"));
        assertTrue(table.getText().contains("Maria Member"), table.getText());

        Path csv = Files.createTempFile("members", ".csv");
        Files.writeString(
                csv,
                "email,display_name,district,job_title,roles,membership_start,membership_expiry\n"
                        + "ui-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@it.example,Uma Upload,Hilltop,CTO,,2026-01-01,2099-01-01\n"
                        + "nope,Broken Row,,,,,\n");
        browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toString());
        WebElement summary = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import:errors")));
        assertTrue(summary.getText().contains("not an email address"), summary.getText());
    }

    @Test
    void theLayoutFitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page("/index.xhtml"));
        WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
        assertTrue(toggle.isDisplayed());
        WebElement reports = browser.findElement(By.cssSelector("#site-nav a[href$='reports/index.xhtml']"));
        assertFalse(reports.isDisplayed(), "the menu starts folded");
        toggle.click();
        assertTrue(reports.isDisplayed());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        Long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth <= 390, "no sideways scrolling: " + scrollWidth);
    }
}
