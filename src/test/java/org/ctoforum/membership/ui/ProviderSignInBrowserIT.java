package org.ctoforum.membership.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person signs in with their district account in Chromium, through the provider's own login page. */
@RunAsClient
class ProviderSignInBrowserIT extends BrowserTest {

    private static MockOAuth2Server provider;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start(0);
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aDistrictAccountSignsInThroughTheProvidersPage() {
        String key = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Portal.Answer created = new Portal(base)
                .postJson(
                        "/api/admin/identity-providers",
                        Json.createObjectBuilder()
                                .add("key", key)
                                .add("label", "Hilltop Google " + key)
                                .add("issuer", provider.issuerUrl("hilltop").toString())
                                .add("clientId", "cto-forum-portal")
                                .add("clientSecret", "the client secret")
                                .add("emailDomains", Json.createArrayBuilder().add("hilltop.example"))
                                .build()
                                .toString(),
                        "admin@demo.local");
        assertEquals(201, created.status(), created.toString());
        String email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@hilltop.example";

        browser.get(page("/signin.xhtml?next=/forums/index.xhtml"));
        browser.findElement(By.id("provider-" + key)).click();
        WebElement username = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        username.sendKeys("pat-subject-" + UUID.randomUUID());
        browser.findElement(By.name("claims"))
                .sendKeys("{\"email\": \"" + email + "\", \"email_verified\": true, \"name\": \"Pat Hilltop\"}");
        browser.findElement(By.cssSelector("input[type=submit]")).click();

        waiting().until(ExpectedConditions.urlContains("/forums/index.xhtml"));
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
        assertEquals("Pat Hilltop", name.getText());
        browser.get(page("/me/profile.xhtml"));
        WebElement linked = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("identities:linked")));
        assertTrue(linked.getText().contains(key), linked.getText());
        assertTrue(browser.getPageSource().contains(email), "signed in as the provider's address");

        // Signed in only through the provider, the account still makes API tokens, and cannot unlink its only way in.
        browser.findElement(By.id("tokens:tokenName")).sendKeys("script");
        browser.findElement(By.id("tokens:create")).click();
        assertTrue(waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")))
                .getText()
                .startsWith("ctf_"));
        browser.findElement(By.cssSelector("#identities\\:linked input[type=submit], #identities\\:linked button"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "only way in"));
        assertTrue(browser.findElement(By.id("identities:linked")).getText().contains(key), "still linked");
    }
}
