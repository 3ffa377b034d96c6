package org.ctoforum.membership.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Confirmed addresses and invitations (issue 24), through the API as outside clients call it, mail included. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityApiIT {

    private static final String STAFF = "staff@demo.local";
    private static final String ADMIN = "admin@demo.local";
    private static final String PASSWORD = "an identity passphrase";

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

    @Test
    void anUnconfirmedAccountHoldsNothingUntilItsOwnerFollowsTheLink() {
        String email = unique("squat");
        assertEquals(
                202,
                portal.postJson(
                                "/api/accounts",
                                "{\"email\":\"" + email + "\",\"displayName\":\"Squatter\",\"password\":\"" + PASSWORD
                                        + "\"}")
                        .status());
        JsonObject me = portal.get("/api/me", email, PASSWORD).json();
        assertFalse(me.getBoolean("emailConfirmed"));
        long id = me.getJsonNumber("id").longValue();

        Portal.Answer grant =
                portal.putJson("/api/admin/members/" + id + "/membership", "{\"start\":\"2020-01-01\"}", STAFF);
        assertEquals(409, grant.status(), "no membership for an unproved address: " + grant);
        assertTrue(grant.json().getString("detail").contains("Invite the address instead"));
        Portal.Answer token = portal.postJson("/api/me/tokens", "{\"name\":\"x\"}", email, PASSWORD);
        assertEquals(403, token.status(), token.toString());
        assertEquals("Address not confirmed", token.json().getString("title"));
        assertEquals(
                403,
                portal.postJson(
                                "/api/reports/1/access-requests",
                                "{\"kind\":\"PRESS\",\"note\":\"x\"}",
                                email,
                                PASSWORD)
                        .status(),
                "no press request either");
        Portal.Answer resent = portal.postJson("/api/me/confirmation", "{}", email, PASSWORD);
        assertEquals(429, resent.status(), "once a minute at most, and sign-up has just sent one: " + resent);
        assertEquals("60", resent.header("Retry-After"));

        String link = Portal.mailedToken(email, "confirm.xhtml");
        assertEquals(
                400,
                portal.postJson("/api/accounts/confirmations", "{\"token\":\"" + link + "x\"}")
                        .status(),
                "a forged link");
        Portal.Answer confirmed = portal.postJson("/api/accounts/confirmations", "{\"token\":\"" + link + "\"}");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals(email, confirmed.json().getString("email"));
        assertEquals(
                400,
                portal.postJson("/api/accounts/confirmations", "{\"token\":\"" + link + "\"}")
                        .status(),
                "a link works once");
        assertTrue(portal.get("/api/me", email, PASSWORD).json().getBoolean("emailConfirmed"));
        assertEquals(
                201,
                portal.postJson("/api/me/tokens", "{\"name\":\"x\"}", email, PASSWORD)
                        .status());
    }

    @Test
    void anAddressChangeWaitsForTheNewAddressAndTellsTheOldOne() {
        String email = unique("mover");
        portal.signUp("{\"email\":\"" + email + "\",\"displayName\":\"Mover\",\"password\":\"" + PASSWORD + "\"}");
        String moved = unique("moved");
        assertEquals(
                400,
                portal.putJson(
                                "/api/me/email",
                                "{\"email\":\"" + moved + "\",\"currentPassword\":\"wrong\"}",
                                email,
                                PASSWORD)
                        .status(),
                "the current password guards it");
        assertEquals(
                202,
                portal.putJson(
                                "/api/me/email",
                                "{\"email\":\"" + moved + "\",\"currentPassword\":\"" + PASSWORD + "\"}",
                                email,
                                PASSWORD)
                        .status());
        assertEquals(200, portal.get("/api/me", email, PASSWORD).status(), "nothing moves before the link");
        Portal.Answer confirmed = portal.postJson(
                "/api/accounts/confirmations", "{\"token\":\"" + Portal.mailedToken(moved, "confirm.xhtml") + "\"}");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertTrue(confirmed.json().getBoolean("moved"));
        assertEquals(401, portal.get("/api/me", email, PASSWORD).status());
        assertEquals(moved, portal.get("/api/me", moved, PASSWORD).json().getString("email"));
        await().alias("the old address to be told")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        Portal.mailsTo(email).stream().anyMatch(text -> text.contains("now signs in with " + moved)));
    }

    @Test
    void staffInviteWithRolesAndMembershipAndTheInviteeAcceptsOnce() {
        String email = unique("invitee");
        Portal.Answer refused =
                portal.postJson("/api/admin/invitations", "{\"email\":\"" + email + "\",\"roles\":[\"STAFF\"]}", STAFF);
        assertEquals(403, refused.status(), "staff do not make staff: " + refused);
        assertEquals(
                403,
                portal.postJson(
                                "/api/admin/invitations",
                                "{\"email\":\"" + email + "\"}",
                                "member@demo.local",
                                Portal.DEMO_PASSWORD)
                        .status());
        assertEquals(
                400,
                portal.postJson("/api/admin/invitations", "{\"email\":\"not an address\"}", STAFF)
                        .status());
        assertEquals(
                409,
                portal.postJson("/api/admin/invitations", "{\"email\":\"member@demo.local\"}", STAFF)
                        .status(),
                "a confirmed account is granted, not invited");

        Portal.Answer invited = portal.postJson(
                "/api/admin/invitations",
                "{\"email\":\"" + email + "\",\"displayName\":\"Ivy Invitee\",\"roles\":[\"PRESS\"],"
                        + "\"membership\":{\"start\":\"2026-01-01\",\"expiry\":\"2099-12-31\"}}",
                STAFF);
        assertEquals(201, invited.status(), invited.toString());
        long id = invited.json().getJsonNumber("id").longValue();
        assertTrue(invited.header("Location").endsWith("/api/admin/invitations/" + id), invited.header("Location"));
        assertEquals("PENDING", invited.json().getString("status"));
        String first = Portal.mailedToken(email, "invitation.xhtml");

        Portal.Answer resent = portal.postJson("/api/admin/invitations/" + id + "/resend", "{}", STAFF);
        assertEquals(200, resent.status(), resent.toString());
        assertEquals(2, resent.json().getInt("sentCount"));
        String second = Portal.awaitNewToken(email, "invitation.xhtml", first);
        assertEquals(
                400,
                portal.postJson(
                                "/api/invitations/acceptance",
                                "{\"token\":\"" + first + "\",\"password\":\"" + PASSWORD + "\"}")
                        .status(),
                "the first link stopped working");
        assertEquals(
                "Ivy Invitee",
                portal.postJson("/api/invitations/lookup", "{\"token\":\"" + second + "\"}")
                        .json()
                        .getString("displayName"));
        Portal.Answer weak =
                portal.postJson("/api/invitations/acceptance", "{\"token\":\"" + second + "\",\"password\":\"abc\"}");
        assertEquals(400, weak.status());
        Portal.Answer accepted = portal.postJson(
                "/api/invitations/acceptance", "{\"token\":\"" + second + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, accepted.status(), accepted.toString());
        assertEquals(
                400,
                portal.postJson(
                                "/api/invitations/acceptance",
                                "{\"token\":\"" + second + "\",\"password\":\"" + PASSWORD + "\"}")
                        .status(),
                "accepted once");

        JsonObject me = portal.get("/api/me", email, PASSWORD).json();
        assertTrue(me.getBoolean("member"));
        assertTrue(me.getBoolean("emailConfirmed"));
        assertTrue(me.getJsonArray("roles").toString().contains("PRESS"), me.toString());
        List<JsonObject> accepted2 = portal.get("/api/admin/invitations?status=accepted", STAFF)
                .array()
                .getValuesAs(JsonObject.class);
        assertTrue(accepted2.stream()
                .anyMatch(invitation -> invitation.getJsonNumber("id").longValue() == id));
        assertEquals(409, portal.delete("/api/admin/invitations/" + id, STAFF).status(), "accepted stays");
        assertEquals(
                400, portal.get("/api/admin/invitations?status=lost", STAFF).status());
    }

    @Test
    void aRevokedInvitationStopsItsLinkAndAnInvitationTakesBackASquattedAddress() {
        String email = unique("owner");
        portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + email
                        + "\",\"displayName\":\"Squatter\",\"password\":\"the squatter's passphrase\"}");
        Portal.Answer invited = portal.postJson(
                "/api/admin/invitations",
                "{\"email\":\"" + email + "\",\"membership\":{\"start\":\"2026-01-01\"}}",
                STAFF);
        assertEquals(201, invited.status(), invited.toString());
        long id = invited.json().getJsonNumber("id").longValue();
        String link = Portal.mailedToken(email, "invitation.xhtml");
        assertEquals(204, portal.delete("/api/admin/invitations/" + id, STAFF).status());
        assertEquals(
                400,
                portal.postJson("/api/invitations/lookup", "{\"token\":\"" + link + "\"}")
                        .status(),
                "a revoked invitation's link is refused");

        Portal.Answer again = portal.postJson(
                "/api/admin/invitations",
                "{\"email\":\"" + email + "\",\"membership\":{\"start\":\"2026-01-01\"}}",
                STAFF);
        String fresh = Portal.awaitNewToken(email, "invitation.xhtml", link);
        Portal.Answer accepted = portal.postJson(
                "/api/invitations/acceptance",
                "{\"token\":\"" + fresh + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Real Owner\"}");
        assertEquals(201, accepted.status(), accepted.toString());
        assertEquals(again.json().getString("email"), email);
        assertEquals(
                401, portal.get("/api/me", email, "the squatter's passphrase").status(), "the squatter is out");
        JsonObject me = portal.get("/api/me", email, PASSWORD).json();
        assertEquals("Real Owner", me.getString("displayName"));
        assertTrue(me.getBoolean("member"));
    }

    @Test
    void anAdminInvitesStaffWhoAcceptWithTheirRole() {
        String email = unique("newstaff");
        Portal.Answer invited =
                portal.postJson("/api/admin/invitations", "{\"email\":\"" + email + "\",\"roles\":[\"STAFF\"]}", ADMIN);
        assertEquals(201, invited.status(), invited.toString());
        Portal.Answer accepted = portal.postJson(
                "/api/invitations/acceptance",
                "{\"token\":\"" + Portal.mailedToken(email, "invitation.xhtml") + "\",\"password\":\"" + PASSWORD
                        + "\",\"displayName\":\"New Staff\"}");
        assertEquals(201, accepted.status(), accepted.toString());
        assertTrue(portal.get("/api/me", email, PASSWORD)
                .json()
                .getJsonArray("roles")
                .toString()
                .contains("STAFF"));
    }
}
