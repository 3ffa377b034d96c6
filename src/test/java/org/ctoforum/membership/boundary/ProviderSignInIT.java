package org.ctoforum.membership.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.ctoforum.testing.HostileProvider;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through an OpenID Connect provider, against a real one in this JVM (mock-oauth2-server): discovery, the
 * redirect with state, nonce and PKCE, the code exchange, the ID token's validation, linking by a vouched-for
 * address, and every refusal the issue names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProviderSignInIT {

    private static final String ISSUER_ID = "district";
    private static final String CLIENT_ID = "cto-forum-portal";
    private static final String DOMAIN = "district.example";
    private static final String ADMIN = "admin@demo.local";

    private static MockOAuth2Server provider;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;
    String key;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start(0);
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void configure() {
        portal = new Portal(base);
        key = register(provider.issuerUrl(ISSUER_ID).toString(), List.of(DOMAIN));
    }

    private String register(String issuer, List<String> domains) {
        String providerKey = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Portal.Answer created = portal.postJson(
                "/api/admin/identity-providers",
                Json.createObjectBuilder()
                        .add("key", providerKey)
                        .add("label", "Riverbend Schools")
                        .add("issuer", issuer)
                        .add("clientId", CLIENT_ID)
                        .add("clientSecret", "the client secret")
                        .add("emailDomains", Json.createArrayBuilder(domains))
                        .build()
                        .toString(),
                ADMIN);
        assertEquals(201, created.status(), created.toString());
        return providerKey;
    }

    /** What the provider will put in the next ID token. */
    private static void nextToken(String subject, Map<String, Object> claims, List<String> audience, long expiry) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expiry));
    }

    private static void nextToken(String subject, String email, boolean verified) {
        nextToken(
                subject,
                Map.of("email", email, "email_verified", verified, "name", "Dana District"),
                List.of(CLIENT_ID),
                3600);
    }

    /** A browser: cookies kept, redirects followed by hand so that each step can be checked. */
    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI portalUri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static URI location(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.uri() + " answered " + response.statusCode());
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** Starts at the portal's button and follows the provider back; answers where the portal sends the browser. */
    private URI signIn(HttpClient browser, String providerKey) throws Exception {
        URI atProvider = location(get(browser, portalUri("/signin/oidc/" + providerKey + "?next=/forums/index.xhtml")));
        URI callback = location(get(browser, atProvider));
        return location(get(browser, callback));
    }

    private JsonObject me(HttpClient browser) throws Exception {
        HttpResponse<String> me = get(browser, portalUri("/api/me"));
        assertEquals(200, me.statusCode(), me.body());
        return Json.createReader(new StringReader(me.body())).readObject();
    }

    /** The refusal the sign-in page shows after a refused sign-in. */
    private String refusal(HttpClient browser, URI landed) throws Exception {
        assertTrue(landed.getPath().endsWith("/signin.xhtml"), "refused sign-ins land on the sign-in page: " + landed);
        return get(browser, landed).body();
    }

    @Test
    void anInvitedDistrictAddressSignsInWithItsInvitationAndStaysTheSamePerson() throws Exception {
        String email = "dana-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        assertEquals(
                201,
                portal.postJson(
                                "/api/admin/invitations",
                                "{\"email\":\"" + email + "\",\"membership\":{\"start\":\"2026-01-01\"}}",
                                "staff@demo.local")
                        .status());
        String subject = UUID.randomUUID().toString();
        nextToken(subject, email, true);
        HttpClient browser = browser();
        URI landed = signIn(browser, key);
        assertTrue(landed.getPath().endsWith("/forums/index.xhtml"), "back where the person started: " + landed);
        JsonObject me = me(browser);
        assertEquals(email, me.getString("email"));
        assertTrue(me.getBoolean("member"), "the invitation's membership: " + me);
        assertTrue(me.getBoolean("emailConfirmed"));
        assertFalse(me.getBoolean("passwordSet"));
        long id = me.getJsonNumber("id").longValue();

        // The identity is (issuer, subject): a changed address at the provider is still the same person.
        nextToken(subject, "renamed-" + email, true);
        HttpClient again = browser();
        signIn(again, key);
        assertEquals(id, me(again).getJsonNumber("id").longValue());

        HttpResponse<String> identities = get(again, portalUri("/api/me/identities"));
        assertEquals(200, identities.statusCode(), identities.body());
        JsonObject identity = Json.createReader(new StringReader(identities.body()))
                .readArray()
                .getJsonObject(0);
        assertEquals(key, identity.getString("provider"));
        HttpResponse<String> unlink = again.send(
                HttpRequest.newBuilder(portalUri("/api/me/identities/" + identity.getJsonNumber("id")))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unlink.statusCode(), "the session cookie is for reading only: " + unlink.body());
    }

    @Test
    void aVouchedForAddressLinksItsConfirmedAccountAndAnUnvouchedOneMakesNothing() throws Exception {
        String email = "linked-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        long account = portal.signUp(
                "{\"email\":\"" + email + "\",\"displayName\":\"Lee Linked\",\"password\":\"a linked passphrase\"}");

        nextToken(UUID.randomUUID().toString(), email, false);
        HttpClient unvouched = browser();
        assertTrue(refusal(unvouched, signIn(unvouched, key)).contains("does not vouch for the address"));

        nextToken(UUID.randomUUID().toString(), email, true);
        HttpClient vouched = browser();
        signIn(vouched, key);
        assertEquals(account, me(vouched).getJsonNumber("id").longValue(), "linked to the confirmed account");

        // Entra's way: no email_verified, but xms_edov, the tenant's own word that it owns the domain.
        String entra = "entra-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        long entraAccount = portal.signUp(
                "{\"email\":\"" + entra + "\",\"displayName\":\"Eli Entra\",\"password\":\"an entra passphrase\"}");
        nextToken(UUID.randomUUID().toString(), Map.of("email", entra, "xms_edov", true), List.of(CLIENT_ID), 3600);
        HttpClient tenant = browser();
        signIn(tenant, key);
        assertEquals(entraAccount, me(tenant).getJsonNumber("id").longValue(), "xms_edov vouches for the address");

        String stranger = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        nextToken(UUID.randomUUID().toString(), stranger, false);
        HttpClient newcomer = browser();
        signIn(newcomer, key);
        JsonObject me = me(newcomer);
        assertEquals(stranger, me.getString("email"));
        assertFalse(me.getBoolean("emailConfirmed"), "not vouched for: not confirmed");
        assertFalse(me.getBoolean("member"));
    }

    @Test
    void everyBadAnswerIsRefusedWithItsReasonAndWritesNothing() throws Exception {
        String outsider = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        nextToken(UUID.randomUUID().toString(), outsider, true);
        HttpClient browser = browser();
        assertTrue(refusal(browser, signIn(browser, key)).contains("Only addresses at " + DOMAIN));
        assertEquals(
                0,
                portal.get("/api/admin/members?q=" + outsider, "staff@demo.local")
                        .json()
                        .getInt("total"),
                "nothing written");

        String email = "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@" + DOMAIN;
        try (HostileProvider hostile = new HostileProvider(CLIENT_ID)) {
            String hostileKey = register(hostile.issuer(), List.of(DOMAIN));
            for (HostileProvider.Fault fault : HostileProvider.Fault.values()) {
                hostile.fault(fault);
                HttpClient attempt = browser();
                String page = refusal(attempt, signIn(attempt, hostileKey));
                assertTrue(
                        page.contains(
                                fault == HostileProvider.Fault.SLOW
                                        ? "did not answer in time"
                                        : "not valid for this portal"),
                        fault + " is refused");
            }
        }

        // A callback used twice, and one whose state was never issued: refused before any code is exchanged.
        HttpClient replay = browser();
        URI atProvider = location(get(replay, portalUri("/signin/oidc/" + key)));
        URI callback = location(get(replay, atProvider));
        URI forged = URI.create(callback.toString().replaceFirst("state=[^&]+", "state=forged"));
        assertTrue(refusal(replay, location(get(replay, forged))).contains("not started here"), "a forged state");
        HttpClient replayed = browser();
        location(get(replayed, portalUri("/signin/oidc/" + key)));
        assertTrue(refusal(replayed, location(get(replayed, callback))).contains("not started here"), "a replay");

        // A code from one attempt with the state of the next: PKCE ties each code to its own attempt, so the provider
        // refuses it before any token is made.
        HttpClient mixed = browser();
        URI first = location(get(mixed, location(get(mixed, portalUri("/signin/oidc/" + key)))));
        URI second = location(get(mixed, portalUri("/signin/oidc/" + key)));
        String code = parameter(first, "code");
        String state = parameter(second, "state");
        URI spliced =
                portalUri("/signin/oidc/" + key + "/callback?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        assertTrue(refusal(mixed, location(get(mixed, spliced))).contains("refused the code"), "a spliced code");
        assertEquals(
                0,
                portal.get("/api/admin/members?q=" + email, "staff@demo.local")
                        .json()
                        .getInt("total"));

        String down = register("http://localhost:9/down", List.of());
        HttpClient unreachable = browser();
        assertTrue(refusal(unreachable, location(get(unreachable, portalUri("/signin/oidc/" + down))))
                .contains("cannot be reached"));
        HttpClient unknown = browser();
        assertTrue(refusal(unknown, location(get(unknown, portalUri("/signin/oidc/no-such-provider"))))
                .contains("no sign-in provider"));
    }

    @Test
    void onlyAdminsConfigureProvidersAndNoSecretComesOut() {
        assertEquals(
                403,
                portal.postJson("/api/admin/identity-providers", "{\"key\":\"x\"}", "staff@demo.local")
                        .status());
        Portal.Answer list = portal.get("/api/admin/identity-providers", ADMIN);
        assertEquals(200, list.status());
        assertFalse(list.body().contains("the client secret"), list.body());
        assertTrue(list.body().contains(key));
        Portal.Answer insecure = portal.postJson(
                "/api/admin/identity-providers",
                "{\"key\":\"plain-http\",\"label\":\"L\",\"issuer\":\"http://idp.example\",\"clientId\":\"c\","
                        + "\"clientSecret\":\"s\"}",
                ADMIN);
        assertEquals(400, insecure.status(), insecure.toString());
        assertEquals(
                409,
                portal.postJson(
                                "/api/admin/identity-providers",
                                "{\"key\":\"" + key + "\",\"label\":\"L\",\"issuer\":\"https://idp.example\","
                                        + "\"clientId\":\"c\",\"clientSecret\":\"s\"}",
                                ADMIN)
                        .status());
        Portal.Answer changed = portal.putJson(
                "/api/admin/identity-providers/" + key,
                "{\"label\":\"Riverbend\",\"issuer\":\"" + provider.issuerUrl(ISSUER_ID) + "\",\"clientId\":\""
                        + CLIENT_ID + "\",\"emailDomains\":[\"" + DOMAIN + "\"]}",
                ADMIN);
        assertEquals(200, changed.status(), changed.toString());
        assertTrue(changed.json().getBoolean("secretSet"), "a left-out secret keeps the stored one");
        assertTrue(portal.get("/signin.xhtml").body().contains("Sign in with Riverbend"), "a button on the page");
        assertEquals(
                204,
                portal.delete("/api/admin/identity-providers/" + key, ADMIN).status());
        assertEquals(
                404,
                portal.delete("/api/admin/identity-providers/" + key, ADMIN).status());
    }

    private static String parameter(URI uri, String name) {
        Matcher found = Pattern.compile("(?:^|&)" + name + "=([^&]+)").matcher(uri.getRawQuery());
        assertTrue(found.find(), uri.toString());
        return URLDecoder.decode(found.group(1), StandardCharsets.UTF_8);
    }
}
