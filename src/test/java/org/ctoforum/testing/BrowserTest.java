package org.ctoforum.testing;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test shares: the real WAR on Payara Micro, a fresh Chromium per test, and signing in. */
@ExtendWith(ArquillianExtension.class)
public abstract class BrowserTest {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    protected URL base;

    protected WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String page(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** Signs in through the form; does not wait, so a test can also check a refused sign-in. */
    protected void signIn(String email, String password) {
        browser.get(page("/signin.xhtml"));
        browser.findElement(By.id("signin:email")).sendKeys(email);
        browser.findElement(By.id("signin:password")).sendKeys(password);
        browser.findElement(By.id("signin:submit")).click();
    }

    protected void signInAndWait(String email, String password) {
        signIn(email, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
    }
}
