package org.ctoforum.platform.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8, point 5: searches and downloads held to their rates per account and per address, on the API and the
 * pages. The tests trust loopback as a proxy (see arquillian.xml), so {@code X-Forwarded-For} stands for a client
 * address of each test's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AbuseLimitsIT {

    private static final int SEARCHES_PER_ACCOUNT = 60;
    private static final int SEARCHES_PER_ADDRESS = 300;
    private static final int DOWNLOADS_PER_ACCOUNT = 120;
    private static final String PUBLIC_REPORT = "/reports/cybersecurity-top-priority-2020/download";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;

    @BeforeEach
    void connect() {
        portal = new Portal(base);
    }

    @Test
    void anAccountSearchingTooFastIsToldToWait() {
        String token = token();
        String address = address();
        for (int i = 0; i < SEARCHES_PER_ACCOUNT; i++) {
            assertEquals(200, search(token, address, "/api/search?q=budget" + i).status());
        }
        Portal.Answer refused = search(token, address(), "/api/search?q=budget");
        assertEquals(429, refused.status(), "the account's limit holds from any address");
        assertProblemWithRetryAfter(refused);
        assertEquals(200, search(null, address, "/api/search?q=budget").status(), "others at that address still may");
    }

    @Test
    void anAddressSearchingTooFastIsToldToWaitOnTheApiAndThePage() {
        String address = address();
        for (int i = 0; i < SEARCHES_PER_ADDRESS; i++) {
            assertEquals(200, search(null, address, "/api/search?q=cy").status());
        }
        Portal.Answer api = search(null, address, "/api/search?q=budget");
        assertEquals(429, api.status());
        assertProblemWithRetryAfter(api);
        Portal.Answer page = search(null, address, "/search.xhtml?q=budget");
        assertEquals(429, page.status());
        assertNotNull(page.header("Retry-After"));
        assertTrue(page.body().contains("Try again in"), page.body());
        assertEquals(200, search(null, address(), "/api/search?q=budget").status(), "another address is not held");
    }

    @Test
    void downloadsAreCountedPerAccount() {
        String token = token();
        for (int i = 0; i < DOWNLOADS_PER_ACCOUNT; i++) {
            // Each from an address of its own: only the account's limit is in play.
            assertEquals(200, download(token, address()).status());
        }
        Portal.Answer refused = download(token, address());
        assertEquals(429, refused.status());
        assertProblemWithRetryAfter(refused);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedAddressChangesNothing() {
        // Loopback is trusted here, so the rightmost untrusted hop is the client; hops left of it are ignored.
        String address = address();
        for (int i = 0; i < SEARCHES_PER_ADDRESS; i++) {
            search(null, address, "/api/search?q=cy");
        }
        Portal.Answer forged = portal.send(portal.request("/api/search?q=budget")
                .header("X-Forwarded-For", address() + ", " + address)
                .GET());
        assertEquals(429, forged.status(), "a client cannot pick a fresh address by prepending one");
    }

    private Portal.Answer search(String token, String address, String path) {
        HttpRequest.Builder request = portal.request(path).header("X-Forwarded-For", address);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return portal.send(request.GET());
    }

    private Portal.Answer download(String token, String address) {
        return portal.send(portal.request(PUBLIC_REPORT)
                .header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + token)
                .header("Range", "bytes=0-99")
                .GET());
    }

    /** A member of its own, so other tests' searches never share its bucket. */
    private String token() {
        String email = "limits-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        Portal.Answer created = portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + email
                        + "\",\"displayName\":\"Limit Tester\",\"password\":\"a long enough passphrase\"}");
        assertEquals(201, created.status(), created.toString());
        Portal.Answer token =
                portal.postJson("/api/me/tokens", "{\"name\":\"limits\"}", email, "a long enough passphrase");
        assertEquals(201, token.status(), token.toString());
        return token.json().getString("token");
    }

    /** A random address from the benchmarking range 198.18.0.0/15 (RFC 2544), which no client really has. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private static void assertProblemWithRetryAfter(Portal.Answer answer) {
        assertEquals("application/problem+json", answer.header("Content-Type").split(";")[0]);
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1, answer.header("Retry-After"));
        assertEquals(429, answer.json().getInt("status"));
    }
}
