package org.ctoforum.platform.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
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
 * Issue 8, point 5: searches, downloads and posts held to their rates per account and per address, on the API and
 * the pages. The tests trust loopback as a proxy (see arquillian.xml), so {@code X-Forwarded-For} stands for a client
 * address of each test's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AbuseLimitsIT {

    private static final int SEARCHES_PER_ACCOUNT = 60;
    private static final int SEARCHES_PER_ADDRESS = 300;
    private static final int DOWNLOADS_PER_ACCOUNT = 120;
    private static final int POSTS_PER_ADDRESS = 60;
    /** As arquillian.xml sets it: the demo's default of 50 would be spent by the other tests' sign-ups. */
    private static final int SIGNUPS_PER_ADDRESS = 200;

    private static final String PASSWORD = "a long enough passphrase";
    /** Seven members at ten posts a minute each outrun one address's sixty. */
    private static final int WRITERS = 7;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;

    @BeforeEach
    void connect() throws MalformedURLException {
        // Through loopback, the one proxy the tests trust, wherever Arquillian says the portal listens.
        portal = new Portal(new URL(base.getProtocol(), "127.0.0.1", base.getPort(), base.getFile()));
    }

    @Test
    void anAccountSearchingTooFastIsToldToWait() {
        String token = token();
        // From a new address each time: only the account's bucket can run out.
        Portal.Answer refused = untilRefused(
                () -> search(token, address(), "/api/search?q=budget"), SEARCHES_PER_ACCOUNT, Duration.ofMinutes(1));
        assertProblemWithRetryAfter(refused);
        assertEquals(200, search(null, address(), "/api/search?q=budget").status(), "others still may search");
    }

    @Test
    void anAddressSearchingTooFastIsToldToWaitOnTheApiAndThePage() {
        String address = address();
        assertProblemWithRetryAfter(untilRefused(
                () -> search(null, address, "/api/search?q=cy"), SEARCHES_PER_ADDRESS, Duration.ofMinutes(1)));
        Portal.Answer page = stillHeld(
                () -> search(null, address, "/search.xhtml?q=budget"), SEARCHES_PER_ADDRESS, Duration.ofMinutes(1));
        assertNotNull(page.header("Retry-After"));
        assertTrue(page.body().contains("Try again in"), page.body());
        assertEquals(200, search(null, address(), "/api/search?q=budget").status(), "another address is not held");
    }

    /** Issue 22, point 4: sign-ups are limited per address like sign-ins; refused forms count too. */
    @Test
    void anAddressSigningUpTooOftenIsToldToWait() {
        String address = address();
        Supplier<Portal.Answer> signUp = () -> portal.send(portal.request("/api/accounts")
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"not an address\"}")));
        Portal.Answer answer = signUp.get();
        int tries = 1;
        while (answer.status() == 400 && tries <= SIGNUPS_PER_ADDRESS + 5) {
            answer = signUp.get();
            tries++;
        }
        assertTrue(tries > SIGNUPS_PER_ADDRESS, "held after " + tries);
        assertProblemWithRetryAfter(answer);
        Portal.Answer elsewhere = portal.send(portal.request("/api/accounts")
                .header("X-Forwarded-For", address())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, elsewhere.status(), "another address is not held");
    }

    @Test
    void downloadsAreCountedPerAccount() {
        String token = token();
        long report = portal.get("/api/reports/by-slug/cybersecurity-top-priority-2020")
                .json()
                .getJsonNumber("id")
                .longValue();
        // Each from an address of its own: only the account's limit is in play.
        Portal.Answer refused = untilRefused(
                () -> portal.send(portal.request("/api/reports/" + report + "/file")
                        .header("X-Forwarded-For", address())
                        .header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=0-99")
                        .GET()),
                DOWNLOADS_PER_ACCOUNT,
                Duration.ofHours(1));
        assertProblemWithRetryAfter(refused);
    }

    @Test
    void anAddressPostingTooFastIsToldToWaitWhicheverAccountWrites() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            tokens.add(memberToken());
        }
        String address = address();
        // Opened by staff, whose threads never wait for a moderator.
        String staff = token("staff@demo.local", Portal.DEMO_PASSWORD);
        long thread = portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals("PUBLIC"))
                .findFirst()
                .map(category -> post(
                        staff,
                        address,
                        "/api/threads",
                        Json.createObjectBuilder()
                                .add("title", "Posting limits " + UUID.randomUUID())
                                .add("body", "The thread that the limit test replies to.")
                                .add("categoryId", category.getJsonNumber("id").longValue())))
                .orElseThrow()
                .json()
                .getJsonNumber("id")
                .longValue();
        int[] next = {0};
        // The accounts take turns, so that no account's own limit (ten a minute) is reached first.
        Portal.Answer refused = untilRefused(
                () -> post(
                        tokens.get(next[0]++ % tokens.size()),
                        address,
                        "/api/threads/" + thread + "/posts",
                        Json.createObjectBuilder().add("body", "Reply " + next[0] + " from the same network.")),
                POSTS_PER_ADDRESS - 1,
                Duration.ofMinutes(1));
        assertProblemWithRetryAfter(refused);
        assertTrue(refused.json().getString("detail").contains("your network"), refused.toString());
        Portal.Answer elsewhere = post(
                tokens.get(next[0] % tokens.size()),
                address(),
                "/api/threads/" + thread + "/posts",
                Json.createObjectBuilder().add("body", "The same account, from another network."));
        assertEquals(201, elsewhere.status(), "another address is not held: " + elsewhere);
    }

    @Test
    void anOversizedJsonBodyIsRefusedDeclaredOrChunked() {
        String token = token();
        // A profile: its fields' own limits would answer 400, only the body limit answers 413.
        byte[] huge = ("{\"displayName\": \"Huge\", \"district\": \"" + "a".repeat(3 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (HttpRequest.BodyPublisher body : List.of(
                HttpRequest.BodyPublishers.ofByteArray(huge),
                // No length given: the body comes chunked, and is cut off once past the limit.
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))) {
            Portal.Answer refused = portal.send(portal.request("/api/me")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(body));
            assertEquals(413, refused.status(), refused.toString());
            assertEquals(
                    "application/problem+json", refused.header("Content-Type").split(";")[0]);
        }
    }

    @Test
    void anOversizedFormIsRefusedOnThePageAndAFormWithoutALengthToo() {
        byte[] huge = ("email=" + "a".repeat(2 << 20)).getBytes(StandardCharsets.US_ASCII);
        Portal.Answer tooLarge = portal.send(portal.request("/signin.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertEquals(413, tooLarge.status(), tooLarge.toString());
        assertTrue(tooLarge.body().contains("the limit is 1048576"), tooLarge.body());
        Portal.Answer chunked = portal.send(portal.request("/signin.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("email=a".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(411, chunked.status(), chunked.toString());
    }

    @Test
    void aForgedForwardedForFromAnUntrustedAddressChangesNothing() {
        String address = address();
        untilRefused(() -> search(null, address, "/api/search?q=cy"), SEARCHES_PER_ADDRESS, Duration.ofMinutes(1));
        // Loopback is trusted here, so the rightmost hop is the client; what the client wrote left of it is ignored.
        stillHeld(
                () -> search(null, address() + ", " + address, "/api/search?q=budget"),
                SEARCHES_PER_ADDRESS,
                Duration.ofMinutes(1));
    }

    /** Sends to a full bucket until the first refusal and answers it. */
    private static Portal.Answer untilRefused(Supplier<Portal.Answer> request, int limit, Duration period) {
        return untilRefused(request, limit, limit, period);
    }

    /** Sends to a bucket that was just emptied until it refuses again; a slow machine may see one search refill. */
    private static Portal.Answer stillHeld(Supplier<Portal.Answer> request, int limit, Duration period) {
        return untilRefused(request, 0, limit, period);
    }

    /**
     * Sends until the first refusal and answers it. The bucket refills whole once its period has passed, so the count
     * allowed is what was {@code left}, or more only if a period ended meanwhile.
     */
    private static Portal.Answer untilRefused(Supplier<Portal.Answer> request, int left, int limit, Duration period) {
        long started = System.nanoTime();
        int allowed = 0;
        Portal.Answer answer;
        while ((answer = request.get()).status() / 100 == 2) {
            allowed++;
            assertTrue(allowed <= left + limit, "never held, after " + allowed);
        }
        double seconds = (System.nanoTime() - started) / 1e9 + 1;
        long refilled = (long) Math.ceil(seconds * limit / period.toSeconds());
        assertEquals(429, answer.status(), answer.toString());
        assertTrue(allowed >= left && allowed <= left + refilled, allowed + " allowed, " + left + " left");
        return answer;
    }

    private Portal.Answer search(String token, String address, String path) {
        HttpRequest.Builder request = portal.request(path).header("X-Forwarded-For", address);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return portal.send(request.GET());
    }

    private Portal.Answer post(String token, String address, String path, JsonObjectBuilder json) {
        return portal.send(portal.request(path)
                .header("X-Forwarded-For", address)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.build().toString())));
    }

    /** An account of its own, so other tests' searches never share its bucket. */
    private String token() {
        String email = email();
        signUp(email);
        return token(email, PASSWORD);
    }

    /** A member of its own, who may write in the discussions. */
    private String memberToken() {
        String email = email();
        long id = signUp(email);
        Portal.Answer granted = portal.putJson(
                "/api/admin/members/" + id + "/membership",
                "{\"start\":\"2024-01-01\",\"expiry\":\"2099-01-01\"}",
                "staff@demo.local");
        assertEquals(200, granted.status(), granted.toString());
        return token(email, PASSWORD);
    }

    private static String email() {
        return "limits-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
    }

    /** Answers the new account's id. */
    private long signUp(String email) {
        return portal.signUp(
                "{\"email\":\"" + email + "\",\"displayName\":\"Limit Tester\",\"password\":\"" + PASSWORD + "\"}");
    }

    /** A bearer token, so that each request does not pay for a password hash. */
    private String token(String email, String password) {
        Portal.Answer token = portal.postJson("/api/me/tokens", "{\"name\":\"limits\"}", email, password);
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
