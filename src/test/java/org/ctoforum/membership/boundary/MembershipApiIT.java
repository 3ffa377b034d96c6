package org.ctoforum.membership.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The membership API on a real Payara Micro with a real PostgreSQL, called as an outside client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembershipApiIT {

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

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
    }

    private static Set<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private String signUp(String email, String password) {
        return String.valueOf(
                portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"Test Person\",\"district\":\"Test"
                        + " District\",\"jobTitle\":\"CTO\",\"password\":\"" + password + "\"}"));
    }

    @Test
    void everyDemoAccountSignsInWithItsRoles() {
        var expected = java.util.Map.of(
                "admin@demo.local", Set.of("ADMIN", "STAFF", "MEMBER"),
                "staff@demo.local", Set.of("STAFF", "MEMBER"),
                "member@demo.local", Set.of("MEMBER"),
                "member2@demo.local", Set.of("MEMBER"),
                "press@demo.local", Set.of("PRESS"),
                "reader@demo.local", Set.<String>of());
        expected.forEach((email, roles) -> {
            Portal.Answer me = portal.get("/api/me", email);
            assertEquals(200, me.status(), email + ": " + me);
            assertEquals(email, me.json().getString("email"));
            assertFalse(me.json().getString("displayName").isBlank());
            assertEquals(roles, strings(me.json(), "roles"), email);
        });
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        Portal.Answer wrong = portal.get("/api/me", "member@demo.local", "not-the-password");
        Portal.Answer unknown = portal.get("/api/me", unique("nobody"), "not-the-password");
        assertEquals(401, wrong.status());
        assertEquals(wrong.body(), unknown.body());
        assertTrue(wrong.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(401, portal.get("/api/me").status(), "anonymous");
    }

    @Test
    void unknownApiPathIsAProblem404() {
        Portal.Answer answer = portal.get("/api/no/such/thing");
        assertEquals(404, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(404, answer.json().getInt("status"));
        assertFalse(answer.body().contains("Exception"), "no stack trace");
    }

    @Test
    void signUpMakesANonMemberAndTellsNoOneButTheOwnerThatAnAddressIsTaken() throws Exception {
        String email = unique("signup");
        signUp(email, "a long enough passphrase");
        Portal.Answer me = portal.get("/api/me", email, "a long enough passphrase");
        assertEquals(Set.of(), strings(me.json(), "roles"));
        assertFalse(me.json().getBoolean("member"));

        Portal.Answer duplicate = portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + email.toUpperCase()
                        + "\",\"displayName\":\"Again\",\"password\":\"another passphrase\"}");
        String fresh = unique("fresh");
        Portal.Answer newcomer = portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + fresh + "\",\"displayName\":\"New\",\"password\":\"another passphrase\"}");
        assertEquals(202, duplicate.status(), duplicate.toString());
        assertEquals(newcomer.status(), duplicate.status());
        assertEquals(newcomer.body(), duplicate.body(), "a taken address answers as a new one does");
        assertEquals(
                "forgot-password.xhtml",
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () -> Portal.mailsTo(email).stream()
                                        .filter(text -> text.contains("already has one"))
                                        .map(text -> "forgot-password.xhtml")
                                        .findFirst()
                                        .orElse(null),
                                Objects::nonNull),
                "the owner is told, with the way to a new password");
        assertEquals(
                401, portal.get("/api/me", email, "another passphrase").status(), "the second sign-up changed nothing");
        assertEquals(
                403,
                portal.get("/api/me/notifications", fresh, "another passphrase").status(),
                "an unconfirmed account reaches nothing but its own account");
        assertFalse(portal.get("/api/me", fresh, "another passphrase").json().getBoolean("emailConfirmed"));

        Portal.Answer shortPassword = portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + unique("short") + "\",\"displayName\":\"S\",\"password\":\"abc12\"}");
        assertEquals(400, shortPassword.status());
        assertTrue(shortPassword.json().getString("detail").contains("at least 8"));

        Portal.Answer common = portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + unique("common") + "\",\"displayName\":\"C\",\"password\":\"iloveyou1\"}");
        assertEquals(400, common.status());
        assertTrue(common.json().getString("detail").contains("commonly used"));

        Portal.Answer malformed = portal.postJson("/api/accounts", "{\"email\": ");
        assertEquals(400, malformed.status());
    }

    @Test
    void tokensWorkUntilRevokedAndBelongToTheirOwner() {
        Portal.Answer created = portal.postJson("/api/me/tokens", "{\"name\":\"laptop\"}", "member@demo.local");
        assertEquals(201, created.status(), created.toString());
        String token = created.json().getString("token");
        long id = created.json().getJsonNumber("id").longValue();

        Portal.Answer withToken = portal.send(portal.request("/api/me").header("Authorization", "Bearer " + token));
        assertEquals("member@demo.local", withToken.json().getString("email"));

        Portal.Answer listed = portal.get("/api/me/tokens", "member@demo.local");
        assertFalse(listed.body().contains(token), "the secret is shown only once");

        assertEquals(
                404, portal.delete("/api/me/tokens/" + id, "member2@demo.local").status(), "not theirs");
        assertEquals(
                204, portal.delete("/api/me/tokens/" + id, "member@demo.local").status());
        Portal.Answer revoked = portal.send(portal.request("/api/me").header("Authorization", "Bearer " + token));
        assertEquals(401, revoked.status());
    }

    @Test
    void staffGrantMembershipAndAnExpiredMemberIsANonMember() {
        String email = unique("grant");
        String id = signUp(email, "a long enough passphrase");

        assertEquals(
                403,
                portal.putJson(
                                "/api/admin/members/" + id + "/membership",
                                "{\"start\":\"2020-01-01\"}",
                                "member@demo.local")
                        .status());
        assertEquals(401, portal.get("/api/admin/members").status());

        Portal.Answer expired = portal.putJson(
                "/api/admin/members/" + id + "/membership",
                "{\"start\":\"2020-01-01\",\"expiry\":\"2021-01-01\"}",
                "staff@demo.local");
        assertEquals(200, expired.status(), expired.toString());
        assertFalse(expired.json().getBoolean("member"));
        assertEquals(
                Set.of(),
                strings(portal.get("/api/me", email, "a long enough passphrase").json(), "roles"));

        Portal.Answer current = portal.putJson(
                "/api/admin/members/" + id + "/membership",
                "{\"start\":\"2020-01-01\",\"expiry\":\"2099-01-01\"}",
                "staff@demo.local");
        assertTrue(current.json().getBoolean("member"));
        assertEquals(
                Set.of("MEMBER"),
                strings(portal.get("/api/me", email, "a long enough passphrase").json(), "roles"));

        Portal.Answer backwards = portal.putJson(
                "/api/admin/members/" + id + "/membership",
                "{\"start\":\"2026-05-01\",\"expiry\":\"2026-04-01\"}",
                "staff@demo.local");
        assertEquals(400, backwards.status());

        Portal.Answer staffGrantsStaff =
                portal.putJson("/api/admin/members/" + id + "/roles", "{\"roles\":[\"STAFF\"]}", "staff@demo.local");
        assertEquals(403, staffGrantsStaff.status(), "only admins grant STAFF");
        Portal.Answer adminGrantsPress =
                portal.putJson("/api/admin/members/" + id + "/roles", "{\"roles\":[\"PRESS\"]}", "admin@demo.local");
        assertEquals(Set.of("PRESS", "MEMBER"), strings(adminGrantsPress.json(), "roles"));

        Portal.Answer found = portal.get("/api/admin/members?q=" + email.substring(0, 14), "staff@demo.local");
        assertEquals(1, found.json().getJsonNumber("total").intValue(), found.toString());
    }

    @Test
    void aDisabledAccountIsRefusedAtOnce() {
        String email = unique("disabled");
        String id = signUp(email, "a long enough passphrase");
        assertEquals(
                200, portal.get("/api/me", email, "a long enough passphrase").status());
        assertEquals(
                200,
                portal.putJson("/api/admin/members/" + id + "/disabled", "{\"disabled\":true}", "staff@demo.local")
                        .status());
        assertEquals(
                401, portal.get("/api/me", email, "a long enough passphrase").status());
    }

    /** Issue 22, point 4: staff run the members, but only an admin acts on an admin's account. */
    @Test
    void staffCannotDisableChangeOrEndAnAdmin() {
        String email = unique("second-admin");
        String id = signUp(email, "a long enough passphrase");
        assertEquals(
                200,
                portal.putJson("/api/admin/members/" + id + "/roles", "{\"roles\":[\"ADMIN\"]}", "admin@demo.local")
                        .status());
        String members = "/api/admin/members/" + id;
        List<Portal.Answer> refused = List.of(
                portal.putJson(members + "/disabled", "{\"disabled\":true}", "staff@demo.local"),
                portal.putJson(members + "/roles", "{\"roles\":[\"ADMIN\",\"PRESS\"]}", "staff@demo.local"),
                portal.putJson(
                        members + "/membership",
                        "{\"start\":\"2020-01-01\",\"expiry\":\"2020-12-31\"}",
                        "staff@demo.local"),
                portal.delete(members + "/membership", "staff@demo.local"));
        for (Portal.Answer answer : refused) {
            assertEquals(403, answer.status(), answer.toString());
            assertEquals("application/problem+json;charset=UTF-8", answer.header("Content-Type"));
        }
        // A staff member's import cannot change the admin either.
        Portal.Answer started = portal.send(Portal.authorized(
                portal.request("/api/admin/member-imports")
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email,display_name,district,job_title,roles,membership_start,membership_expiry\n"
                                        + email + ",Renamed By Staff,Lakeview,CTO,,2020-01-01,\n")),
                "staff@demo.local"));
        assertEquals(202, started.status(), started.toString());
        JsonObject progress = awaitImport(started.json().getJsonNumber("id").longValue());
        assertEquals(1, progress.getInt("failedRows"), progress.toString());
        assertTrue(progress.toString().contains("only an admin"), progress.toString());
        JsonObject me = portal.get("/api/me", email, "a long enough passphrase").json();
        assertEquals(Set.of("ADMIN"), strings(me, "roles"), "unchanged");
        assertEquals("Test Person", me.getString("displayName"), "unchanged");
        assertEquals(
                200,
                portal.putJson(members + "/disabled", "{\"disabled\":true}", "admin@demo.local")
                        .status(),
                "an admin may");
        assertEquals(
                401, portal.get("/api/me", email, "a long enough passphrase").status());
    }

    /** The import's progress once it is finished; the timeout message shows the last progress seen. */
    private JsonObject awaitImport(long id) {
        return await().alias("the import to finish")
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> portal.get("/api/admin/member-imports/" + id, "staff@demo.local")
                                .json(),
                        progress -> progress.getString("status").equals("FINISHED"));
    }

    /** Issue 22, point 2: the import refuses a caller who is not staff before it reads a byte of the file. */
    @Test
    void theMemberImportRefusesTheCallerBeforeReadingTheFile() {
        String tooLarge = "email,display_name\n" + "x".repeat(11_000_000);
        for (String who : Arrays.asList(null, "member@demo.local", "reader@demo.local")) {
            HttpRequest.Builder request = portal.request("/api/admin/member-imports")
                    .header("Content-Type", "text/csv")
                    .expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofString(tooLarge));
            Portal.Answer refused = portal.send(who == null ? request : Portal.authorized(request, who));
            assertEquals(who == null ? 401 : 403, refused.status(), who + ": " + refused);
        }
    }

    @Test
    void csvImportKeepsGoodRowsAndReportsBadOnesRowByRow() {
        String good1 = unique("import1");
        String good2 = unique("import2");
        String csv = "email,display_name,district,job_title,roles,membership_start,membership_expiry\n"
                + good1 + ",Imported One,Lakeview,CTO,,2026-01-01,2099-12-31\n"
                + "broken-address,Nobody,,,,,\n"
                + good2 + ",Imported Two,Lakeview,Director,PRESS,,\n"
                + unique("import3") + ",Imported Three,Lakeview,CTO,STAFF,,\n"
                + unique("import4") + ",Bad Date,Lakeview,CTO,,2026-02-30,\n";
        Portal.Answer started = portal.send(Portal.authorized(
                portal.request("/api/admin/member-imports")
                        .header("Content-Type", "text/csv")
                        .header("X-File-Name", "renewals.csv")
                        .POST(HttpRequest.BodyPublishers.ofString(csv)),
                "staff@demo.local"));
        assertEquals(202, started.status(), started.toString());
        long id = started.json().getJsonNumber("id").longValue();

        JsonObject progress = awaitImport(id);
        assertEquals(5, progress.getInt("totalRows"));
        assertEquals(2, progress.getInt("importedRows"));
        assertEquals(3, progress.getInt("failedRows"));
        List<Integer> badRows = progress.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getInt("row"))
                .toList();
        assertEquals(List.of(3, 5, 6), badRows, "row numbers count the header as row 1");

        // Unknown addresses are invited, with the row's membership and roles; nothing is theirs until they accept.
        assertEquals(
                0,
                portal.get("/api/admin/members?q=" + good1, "staff@demo.local")
                        .json()
                        .getInt("total"));
        List<JsonObject> pending = portal.get("/api/admin/invitations?status=pending", "staff@demo.local")
                .array()
                .getValuesAs(JsonObject.class);
        JsonObject first = pending.stream()
                .filter(invitation -> invitation.getString("email").equals(good1))
                .findFirst()
                .orElseThrow();
        assertEquals("2099-12-31", first.getString("membershipExpiry"));
        assertTrue(pending.stream()
                .anyMatch(invitation -> invitation.getString("email").equals(good2)
                        && invitation.getJsonArray("roles").toString().contains("PRESS")));
        Portal.Answer accepted = portal.postJson(
                "/api/invitations/acceptance",
                "{\"token\":\"" + Portal.mailedToken(good1, "invitation.xhtml")
                        + "\",\"password\":\"an imported passphrase\"}");
        assertEquals(201, accepted.status(), accepted.toString());
        JsonObject me = portal.get("/api/me", good1, "an imported passphrase").json();
        assertTrue(me.getBoolean("member"));
        assertTrue(me.getBoolean("emailConfirmed"));
        assertEquals("Imported One", me.getString("displayName"));

        Portal.Answer noHeader = portal.send(Portal.authorized(
                portal.request("/api/admin/member-imports")
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n")),
                "staff@demo.local"));
        assertEquals(400, noHeader.status());

        Portal.Answer tooBig = portal.send(Portal.authorized(
                portal.request("/api/admin/member-imports")
                        .header("Content-Type", "text/csv")
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString("email,display_name\n" + "x".repeat(11_000_000))),
                "staff@demo.local"));
        assertEquals(413, tooBig.status());
    }

    @Test
    void passwordResetWorksThroughTheMailedLinkOnce() throws Exception {
        String email = unique("reset");
        signUp(email, "the first passphrase");
        assertEquals(
                202,
                portal.postJson("/api/password-resets", "{\"email\":\"" + email + "\"}")
                        .status());
        assertEquals(
                202,
                portal.postJson("/api/password-resets", "{\"email\":\"" + unique("ghost") + "\"}")
                        .status(),
                "the same answer for an unknown address");

        String token = Portal.mailedToken(email, "password-reset.xhtml");
        assertEquals(
                400,
                portal.postJson("/api/password-resets/confirm", "{\"token\":\"" + token + "\",\"password\":\"short\"}")
                        .status());
        assertEquals(
                204,
                portal.postJson(
                                "/api/password-resets/confirm",
                                "{\"token\":\"" + token + "\",\"password\":\"the second passphrase\"}")
                        .status());
        assertEquals(200, portal.get("/api/me", email, "the second passphrase").status());
        assertEquals(401, portal.get("/api/me", email, "the first passphrase").status());
        assertEquals(
                400,
                portal.postJson(
                                "/api/password-resets/confirm",
                                "{\"token\":\"" + token + "\",\"password\":\"the third passphrase\"}")
                        .status(),
                "used once");
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        String email = unique("change");
        signUp(email, "the first passphrase");
        assertEquals(
                400,
                portal.putJson(
                                "/api/me/password",
                                "{\"currentPassword\":\"wrong one\",\"newPassword\":\"the second passphrase\"}",
                                email,
                                "the first passphrase")
                        .status());
        assertEquals(
                204,
                portal.putJson(
                                "/api/me/password",
                                "{\"currentPassword\":\"the first passphrase\",\"newPassword\":\"the second passphrase\"}",
                                email,
                                "the first passphrase")
                        .status());
        assertEquals(200, portal.get("/api/me", email, "the second passphrase").status());
    }

    /** Issue 22, point 3: guessing the current password through a password change is throttled like a sign-in. */
    @Test
    void passwordChangeGuessesAreThrottledLikeSignIns() {
        String email = unique("guess");
        signUp(email, "the first passphrase");
        String token = token(email, "the first passphrase");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    400,
                    changePassword(token, "guess number " + i, "a brand new passphrase", null)
                            .status());
        }
        Portal.Answer throttled = changePassword(token, "the first passphrase", "a brand new passphrase", null);
        assertEquals(429, throttled.status(), "even the right password waits: " + throttled);
        assertNotNull(throttled.header("Retry-After"));
    }

    /**
     * Issue 22, point 3: a reset is how an owner takes an account back. Its API tokens, signed download links and
     * calendar address all stop at once; a password change does the same unless asked not to.
     */
    @Test
    void aPasswordResetTakesBackTokensLinksAndTheCalendar() throws Exception {
        String email = unique("takeback");
        String id = signUp(email, "the first passphrase");
        assertEquals(
                200,
                portal.putJson(
                                "/api/admin/members/" + id + "/membership",
                                "{\"start\":\"2020-01-01\"}",
                                "staff@demo.local")
                        .status());
        Issued issued = issue(email, "the first passphrase");
        issued.assertWorking(portal);

        // A change that keeps the rest signed in keeps it all; the default takes it all back.
        String token = issued.token();
        assertEquals(
                204,
                changePassword(token, "the first passphrase", "the second passphrase", false)
                        .status());
        issued.assertWorking(portal);
        assertEquals(
                204,
                changePassword(token, "the second passphrase", "the third passphrase", null)
                        .status());
        issued.assertRevoked(portal);

        Issued again = issue(email, "the third passphrase");
        again.assertWorking(portal);
        assertEquals(
                202,
                portal.postJson("/api/password-resets", "{\"email\":\"" + email + "\"}")
                        .status());
        String reset = Portal.mailedToken(email, "password-reset.xhtml");
        assertEquals(
                204,
                portal.postJson(
                                "/api/password-resets/confirm",
                                "{\"token\":\"" + reset + "\",\"password\":\"the fourth passphrase\"}")
                        .status());
        again.assertRevoked(portal);
    }

    /** Issue 22, point 3: signed links and the calendar follow the account's rights now, not when they were made. */
    @Test
    void aDisabledAccountOrALapsedMembershipLosesItsLinksAndCalendarAtOnce() {
        for (String takenBack : List.of("disabled", "lapsed")) {
            String email = unique(takenBack);
            String id = signUp(email, "a long enough passphrase");
            String member = "/api/admin/members/" + id;
            assertEquals(
                    200,
                    portal.putJson(member + "/membership", "{\"start\":\"2020-01-01\"}", "staff@demo.local")
                            .status());
            Issued issued = issue(email, "a long enough passphrase");
            issued.assertWorking(portal);
            Portal.Answer change = takenBack.equals("disabled")
                    ? portal.putJson(member + "/disabled", "{\"disabled\":true}", "staff@demo.local")
                    : portal.delete(member + "/membership", "staff@demo.local");
            assertEquals(200, change.status(), change.toString());
            assertEquals(403, portal.bytes(issued.link(), List.of()).statusCode(), takenBack + ": the link");
            assertEquals(404, portal.get(issued.feed()).status(), takenBack + ": the calendar");
        }
    }

    /** What an account hands out: an API token, a signed link to a members' report, and its calendar address. */
    private record Issued(String token, String link, String feed) {
        void assertWorking(Portal portal) {
            assertEquals(200, me(portal).status(), "the token");
            assertEquals(200, portal.bytes(link, List.of()).statusCode(), "the link");
            assertEquals(200, portal.get(feed).status(), "the calendar");
        }

        void assertRevoked(Portal portal) {
            assertEquals(401, me(portal).status(), "the token");
            assertEquals(403, portal.bytes(link, List.of()).statusCode(), "the link");
            assertEquals(404, portal.get(feed).status(), "the calendar");
        }

        private Portal.Answer me(Portal portal) {
            return portal.send(portal.request("/api/me").header("Authorization", "Bearer " + token));
        }
    }

    private Issued issue(String email, String password) {
        String token = token(email, password);
        long report = portal.get("/api/reports", email, password).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("access").equals("MEMBERS"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has a members' report"))
                .getJsonNumber("id")
                .longValue();
        Portal.Answer link = portal.postJson("/api/reports/" + report + "/links", "{\"minutes\": 30}", email, password);
        assertEquals(201, link.status(), link.toString());
        Portal.Answer feed = portal.send(Portal.authorized(
                portal.request("/api/me/calendar-feed").POST(HttpRequest.BodyPublishers.noBody()), email, password));
        assertEquals(201, feed.status(), feed.toString());
        return new Issued(
                token,
                link.json().getString("url").replaceFirst("^https?://[^/]+", ""),
                feed.json().getString("url").replaceFirst("^https?://[^/]+", ""));
    }

    private String token(String email, String password) {
        Portal.Answer token = portal.postJson("/api/me/tokens", "{\"name\":\"takeback\"}", email, password);
        assertEquals(201, token.status(), token.toString());
        return token.json().getString("token");
    }

    private Portal.Answer changePassword(String token, String current, String chosen, Boolean everywhere) {
        String body = "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\""
                + (everywhere == null ? "" : ", \"signOutEverywhere\": " + everywhere) + "}";
        return portal.send(portal.request("/api/me/password")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottled() {
        String email = unique("throttle");
        signUp(email, "the right passphrase");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portal.get("/api/me", email, "wrong " + i).status());
        }
        Portal.Answer throttled = portal.get("/api/me", email, "the right passphrase");
        assertEquals(429, throttled.status(), "even the right password waits");
        assertNotNull(throttled.header("Retry-After"));
    }

    @Test
    void operationsEndpointsAnswer() {
        Portal.Answer ready = portal.get("/health/ready");
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().getString("status"));
        assertEquals(200, portal.get("/health/live").status());
        Portal.Answer openapi = portal.get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/me"));
    }

    @Test
    void pagesCarrySecurityHeadersAndASafeSessionCookie() {
        Portal.Answer signin = portal.get("/signin.xhtml");
        assertEquals(200, signin.status());
        assertEquals("nosniff", signin.header("X-Content-Type-Options"));
        assertNotNull(signin.header("Referrer-Policy"));
        List<String> policies = signin.response().headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), policies.toString());
        assertTrue(
                policies.stream().anyMatch(p -> p.contains("script-src") && !p.contains("unsafe-inline")),
                policies.toString());
        String cookie = signin.header("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        Portal.Answer admin = portal.send(portal.request("/admin/members.xhtml").GET());
        assertEquals(302, admin.status(), "anonymous visitors are sent to sign in");
        assertTrue(admin.header("Location").contains("/signin.xhtml?next="));
    }
}
