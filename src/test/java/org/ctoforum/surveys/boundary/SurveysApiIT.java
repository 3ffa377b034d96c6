package org.ctoforum.surveys.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 26: the survey through the API, from a draft to the benchmark, with every refusal it names. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveysApiIT {

    private static final String STAFF = "staff@demo.local";
    private static final String MEMBER = "member@demo.local";
    private static final String MEMBER2 = "member2@demo.local";

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
    void theDemoSurveysArePublishedWithStableCodes() {
        JsonArray surveys = portal.get("/api/surveys").array();
        JsonObject y2020 = byYear(surveys, 2020);
        JsonObject y2021 = byYear(surveys, 2021);
        assertEquals("PUBLISHED", y2020.getString("status"));
        assertEquals("PUBLISHED", y2021.getString("status"));
        for (String field : List.of("id", "title", "opens", "closes")) {
            assertTrue(y2020.containsKey(field), field);
        }
        JsonObject survey = portal.get("/api/surveys/" + y2021.getInt("id")).json();
        List<String> types = new ArrayList<>();
        for (JsonObject question : questions(survey)) {
            assertTrue(question.getString("code").matches("[A-Z0-9_]+(\\.[A-Z0-9_]+)+"), question.toString());
            types.add(question.getString("type"));
        }
        assertTrue(
                types.containsAll(List.of("SINGLE", "MULTI", "NUMBER", "CURRENCY", "PERCENT", "SCALE", "TEXT")),
                types.toString());
    }

    @Test
    void aMemberAnswersSubmitsOnceAndStaffPublish() {
        String create =
                """
                {"year": 2031, "title": "IT Leadership Survey 2031", "opens": "2026-01-01", "closes": "2027-12-31",
                 "sections": [{"title": "Your network", "questions": [
                   {"code": "NET.TEST_PERCENT", "text": "Share of classrooms on Wi-Fi 6", "type": "PERCENT", "required": true},
                   {"code": "NET.TEST_CHOICE", "text": "Do you meet the FCC goal?", "type": "SINGLE", "options": ["Yes", "No"], "required": true},
                   {"code": "NET.TEST_ENROLLMENT", "text": "Students enrolled", "type": "NUMBER", "required": false},
                   {"code": "NET.TEST_TEXT", "text": "What would help most?", "type": "TEXT", "required": false}]}]}""";
        assertEquals(
                400,
                portal.postJson(
                                "/api/surveys",
                                create.replace("\"sections\"", "\"minGroupSize\": 4, \"sections\""),
                                STAFF)
                        .status());
        assertEquals(403, portal.postJson("/api/surveys", create, MEMBER).status());
        Portal.Answer created = portal.postJson("/api/surveys", create, STAFF);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(
                409,
                portal.postJson("/api/surveys/" + id + "/transitions", "{\"to\": \"PUBLISHED\"}", STAFF)
                        .status());
        assertEquals(
                200,
                portal.postJson("/api/surveys/" + id + "/transitions", "{\"to\": \"OPEN\"}", STAFF)
                        .status());

        Portal.Answer frozen = portal.putJson("/api/surveys/" + id, create, STAFF);
        assertEquals(409, frozen.status());
        assertEquals("/problems/survey-frozen", frozen.json().getString("type"));

        String path = "/api/surveys/" + id + "/response";
        assertEquals(
                200,
                portal.putJson(path, "{\"answers\": {\"NET.TEST_CHOICE\": \"Yes\"}}", MEMBER)
                        .status());
        Portal.Answer overHundred =
                portal.putJson(path, "{\"answers\": {\"NET.TEST_CHOICE\": \"No\", \"NET.TEST_PERCENT\": 150}}", MEMBER);
        assertEquals(400, overHundred.status());
        assertEquals("NET.TEST_PERCENT", overHundred.json().getString("code"));
        assertTrue(overHundred.json().getString("detail").contains("100"), overHundred.toString());
        assertEquals(
                400,
                portal.putJson(path, "{\"answers\": {\"NET.TEST_ENROLLMENT\": -5}}", MEMBER)
                        .status());
        assertEquals(
                400,
                portal.putJson(path, "{\"answers\": {\"NET.TEST_CHOICE\": \"Maybe\"}}", MEMBER)
                        .status());
        assertEquals(
                400,
                portal.putJson(path, "{\"answers\": {\"NET.NO_SUCH\": 1}}", MEMBER)
                        .status());
        JsonObject kept = portal.get(path, MEMBER).json();
        assertEquals(
                "\"Yes\"",
                kept.getJsonObject("answers").get("NET.TEST_CHOICE").toString(),
                "nothing of a refused save is kept");
        assertEquals("IN_PROGRESS", kept.getString("status"));
        assertEquals(1, kept.getJsonObject("progress").getInt("answered"));
        assertEquals("Maria Member", kept.getJsonObject("lastChangedBy").getString("NET.TEST_CHOICE"));

        JsonObject otherDistrict = portal.get(path, MEMBER2).json();
        assertEquals("NOT_STARTED", otherDistrict.getString("status"), "each district has its own response");
        assertTrue(otherDistrict.getJsonObject("answers").isEmpty());

        Portal.Answer incomplete = portal.putJson(path, "{\"answers\": {}, \"submit\": true}", MEMBER);
        assertEquals(400, incomplete.status());
        assertTrue(incomplete.json().getJsonArray("missing").toString().contains("NET.TEST_PERCENT"));
        Portal.Answer submitted = portal.putJson(
                path,
                "{\"answers\": {\"NET.TEST_PERCENT\": 62.5, \"NET.TEST_TEXT\": \"More staff for classroom support\"},"
                        + " \"submit\": true}",
                MEMBER);
        assertEquals(200, submitted.status(), submitted.toString());
        assertEquals("SUBMITTED", submitted.json().getString("status"));
        assertFalse(submitted.json().getBoolean("editable"));
        Portal.Answer again = portal.putJson(path, "{\"answers\": {}, \"submit\": true}", MEMBER);
        assertEquals(409, again.status());
        assertEquals("/problems/response-submitted", again.json().getString("type"));

        JsonObject rates =
                portal.get("/api/surveys/" + id + "/participation", STAFF).json();
        assertTrue(rates.getJsonObject("overall").getInt("submitted") >= 1);
        assertEquals(
                403, portal.get("/api/surveys/" + id + "/participation", MEMBER).status());
        JsonObject reminded =
                portal.postJson("/api/surveys/" + id + "/reminders", "", STAFF).json();
        assertTrue(reminded.getInt("mails") >= 1, reminded.toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Portal.mailsTo(MEMBER2).stream().anyMatch(m -> m.contains("IT Leadership Survey 2031")));
        assertTrue(
                Portal.mailsTo(MEMBER).stream().noneMatch(m -> m.contains("IT Leadership Survey 2031")),
                "a district that submitted gets no reminder");

        assertEquals(
                200,
                portal.postJson("/api/surveys/" + id + "/transitions", "{\"to\": \"CLOSED\"}", STAFF)
                        .status());
        Portal.Answer late = portal.putJson(path, "{\"answers\": {\"NET.TEST_CHOICE\": \"No\"}}", MEMBER2);
        assertEquals(409, late.status());
        assertEquals("/problems/survey-not-taking-answers", late.json().getString("type"));
        assertEquals(
                200,
                portal.postJson("/api/surveys/" + id + "/transitions", "{\"to\": \"PUBLISHED\"}", STAFF)
                        .status());

        JsonObject all =
                portal.get("/api/surveys/" + id + "/results?group=all", MEMBER).json();
        for (JsonObject q : all.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            assertTrue(
                    q.getBoolean("suppressed") || q.getInt("respondents") == 0,
                    "one district's answers are never shown: " + q);
            assertFalse(q.containsKey("distribution"));
            assertFalse(q.containsKey("quartiles"));
        }
        assertEquals(
                List.of("More staff for classroom support"),
                portal
                        .get("/api/surveys/" + id + "/text-answers?code=NET.TEST_TEXT", STAFF)
                        .array()
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(
                403,
                portal.get("/api/surveys/" + id + "/text-answers?code=NET.TEST_TEXT", MEMBER)
                        .status());

        Portal.Answer copy = portal.postJson("/api/surveys/" + id + "/copy", "{}", STAFF);
        assertEquals(201, copy.status(), copy.toString());
        assertEquals(2032, copy.json().getInt("year"));
        assertEquals("DRAFT", copy.json().getString("status"));
        assertEquals(4, questions(copy.json()).size());
    }

    @Test
    void aDistrictThatAnsweredSeesItselfAgainstEachPeerGroup() {
        long y2021 = byYear(portal.get("/api/surveys").array(), 2021).getInt("id");
        JsonArray groups =
                portal.get("/api/surveys/" + y2021 + "/groups", MEMBER).array();
        assertEquals(29, groups.size());
        assertEquals("all", groups.getJsonObject(0).getString("group"));
        assertTrue(groups.getJsonObject(0).getInt("respondents") > 400);

        JsonObject mine = portal.get("/api/me/district", MEMBER).json();
        assertTrue(mine.getBoolean("confirmed"));
        String band = "band:" + mine.getString("band");
        JsonObject benchmark = portal.get("/api/surveys/" + y2021 + "/benchmark?group=" + band, MEMBER)
                .json();
        assertEquals(band, benchmark.getString("group"));
        boolean sawPercentile = false;
        boolean sawDistribution = false;
        for (JsonObject q : benchmark.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            if (q.getString("type").equals("TEXT")) {
                assertTrue(q.getBoolean("suppressed"));
                assertFalse(q.containsKey("yours"), "free text never shows in peer views");
                continue;
            }
            if (!q.getBoolean("suppressed") && q.containsKey("yours")) {
                sawPercentile |= q.containsKey("percentile") && q.containsKey("quartiles");
                sawDistribution |= q.containsKey("distribution");
            }
        }
        assertTrue(sawPercentile && sawDistribution, benchmark.toString());

        Portal.Answer csv = portal.get("/api/surveys/" + y2021 + "/benchmark.csv?group=all", MEMBER);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("year,group,code,question"), csv.body());

        String code = questions(portal.get("/api/surveys/" + y2021).json()).stream()
                .filter(q -> q.getString("type").equals("SINGLE"))
                .findFirst()
                .orElseThrow()
                .getString("code");
        JsonArray trend = portal.get("/api/surveys/trends?code=" + code + "&group=all", MEMBER)
                .array();
        assertTrue(trend.size() >= 2, trend.toString());
        assertTrue(
                trend.getJsonObject(0).getInt("year") < trend.getJsonObject(1).getInt("year"));
    }

    @Test
    void peerGroupsAreGiveToGetAndNamedGroupsOnly() {
        long y2021 = byYear(portal.get("/api/surveys").array(), 2021).getInt("id");
        String results = "/api/surveys/" + y2021 + "/results?group=";
        assertEquals(200, portal.get(results + "all", MEMBER2).status(), "national figures for every member");
        Portal.Answer peers = portal.get(results + "locale:rural", MEMBER2);
        assertEquals(403, peers.status());
        assertEquals("/problems/answer-first", peers.json().getString("type"));
        assertEquals(
                403,
                portal.get("/api/surveys/" + y2021 + "/benchmark?group=all", MEMBER2)
                        .status());
        Portal.Answer unknown = portal.get(results + "band:tiny", MEMBER);
        assertEquals(400, unknown.status());
        assertEquals("band:tiny", unknown.json().getString("group"));
        assertEquals(401, portal.get(results + "all").status());
        assertEquals(403, portal.get(results + "all", "reader@demo.local").status());
    }

    @Test
    void everyPublishedTableHidesSmallGroupsAndTheirComplements() {
        long y2021 = byYear(portal.get("/api/surveys").array(), 2021).getInt("id");
        int k = portal.get("/api/surveys/" + y2021).json().getInt("minGroupSize");
        JsonArray groups =
                portal.get("/api/surveys/" + y2021 + "/groups", STAFF).array();
        List<String> bands = new ArrayList<>();
        for (JsonObject group : groups.getValuesAs(JsonObject.class)) {
            if (!group.getBoolean("suppressed")) {
                int n = group.getInt("respondents");
                assertTrue(n == 0 || n >= k, group.toString());
            }
            if (group.getString("group").startsWith("band:")) {
                bands.add(group.getString("group") + "=" + group.getBoolean("suppressed"));
            }
        }
        for (JsonObject group : groups.getValuesAs(JsonObject.class)) {
            JsonObject table = portal.get("/api/surveys/" + y2021 + "/results?group=" + group.getString("group"), STAFF)
                    .json();
            for (JsonObject q : table.getJsonArray("questions").getValuesAs(JsonObject.class)) {
                if (!q.getBoolean("suppressed")) {
                    int n = q.getInt("respondents");
                    assertTrue(n == 0 || n >= k, q.toString());
                }
            }
        }
        assertEquals(4, bands.size(), bands.toString());
        assertTrue(
                bands.stream().filter(b -> b.endsWith("true")).count() != 1,
                "one hidden band could be worked out: " + bands);
    }

    @Test
    void headlineFindingsArePublicWhereStaffSaySoAndSearchable() {
        long y2020 = byYear(portal.get("/api/surveys").array(), 2020).getInt("id");
        JsonArray everyone = portal.get("/api/surveys/" + y2020 + "/findings").array();
        JsonArray members =
                portal.get("/api/surveys/" + y2020 + "/findings", MEMBER).array();
        assertFalse(everyone.isEmpty());
        assertTrue(members.size() >= everyone.size());
        for (JsonValue f : everyone) {
            assertEquals("PUBLIC", f.asJsonObject().getString("access"));
        }
        String title = everyone.getJsonObject(0).getString("title");
        String word = title.split("\\s+")[0];
        JsonObject found = portal.get("/api/search?q="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8) + "&type=finding")
                .json();
        assertTrue(found.toString().contains(title), word + " -> " + found);
    }

    @Test
    void aMemberNamesTheirDistrictAndStaffConfirmIt() {
        assertEquals(
                403,
                portal.putJson(
                                "/api/me/district",
                                "{\"name\": \"X\", \"state\": \"OR\", \"enrollment\": 10,"
                                        + " \"locale\": \"RURAL\", \"region\": \"WEST\"}",
                                "reader@demo.local")
                        .status());
        JsonObject before = portal.get("/api/me/district", MEMBER2).json();
        String restore = "{\"name\": \"" + before.getString("name") + "\", \"state\": \"" + before.getString("state")
                + "\", \"enrollment\": " + before.getInt("enrollment") + ", \"locale\": \"" + before.getString("locale")
                + "\", \"region\": \"" + before.getString("region") + "\"}";
        assertEquals(
                400,
                portal.putJson("/api/me/district", restore.replace(before.getString("state"), "XX"), MEMBER2)
                        .status());
        assertEquals(
                400,
                portal.putJson(
                                "/api/me/district",
                                restore.replace("\"enrollment\": " + before.getInt("enrollment"), "\"enrollment\": -1"),
                                MEMBER2)
                        .status());
        try {
            JsonObject moved = portal.putJson(
                            "/api/me/district",
                            "{\"name\": \"Juniper Flats School District\", \"state\": \"NV\","
                                    + " \"enrollment\": 1800, \"locale\": \"RURAL\", \"region\": \"WEST\"}",
                            MEMBER2)
                    .json();
            assertFalse(moved.getBoolean("confirmed"));
            assertEquals("under-2500", moved.getString("band"));
            long y2021 = byYear(portal.get("/api/surveys").array(), 2021).getInt("id");
            assertEquals(
                    403,
                    portal.get("/api/surveys/" + y2021 + "/response", MEMBER2).status(),
                    "unconfirmed");
            JsonArray pending =
                    portal.get("/api/districts/members?pending=true", STAFF).array();
            long accountId = pending.getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("district").equals("Juniper Flats School District"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("accountId")
                    .longValue();
            assertEquals(
                    403,
                    portal.postJson("/api/districts/members/" + accountId + "/confirmation", "", MEMBER2)
                            .status());
            assertTrue(portal.postJson("/api/districts/members/" + accountId + "/confirmation", "", STAFF)
                    .json()
                    .getBoolean("confirmed"));
            assertTrue(portal.get("/api/me/district", MEMBER2).json().getBoolean("confirmed"));
            assertEquals(
                    204,
                    portal.delete("/api/districts/members/" + accountId, STAFF).status());
            assertEquals(
                    403,
                    portal.get("/api/surveys/" + y2021 + "/response", MEMBER2).status(),
                    "taken back at once");
            assertEquals(
                    404,
                    portal.delete("/api/districts/members/" + accountId, STAFF).status());
        } finally {
            JsonObject back =
                    portal.putJson("/api/me/district", restore, MEMBER2).json();
            assertNotNull(back.get("id"));
            JsonObject member =
                    portal
                            .get("/api/districts/members?pending=true", STAFF)
                            .array()
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .filter(m -> m.getString("district").equals(before.getString("name")))
                            .findFirst()
                            .orElseThrow();
            portal.postJson("/api/districts/members/" + member.getJsonNumber("accountId") + "/confirmation", "", STAFF);
        }
    }

    private static JsonObject byYear(JsonArray surveys, int year) {
        return surveys.getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getInt("year") == year)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + year + " survey in " + surveys));
    }

    private static List<JsonObject> questions(JsonObject survey) {
        List<JsonObject> all = new ArrayList<>();
        for (JsonObject section : survey.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            all.addAll(section.getJsonArray("questions").getValuesAs(JsonObject.class));
        }
        return all;
    }
}
