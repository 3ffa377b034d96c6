package org.ctoforum.reports.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.ctoforum.reports.control.PdfComposer;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.Portal.Part;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reports through the REST API, the download pages and the feed, on a real Payara Micro and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsApiIT {

    private static final String STAFF = "staff@demo.local";
    private static final String ADMIN = "admin@demo.local";
    private static final String MEMBER = "member@demo.local";
    private static final String PRESS = "press@demo.local";
    private static final String READER = "reader@demo.local";

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

    /** A real PDF whose text holds {@code marker}, so a leak of gated text can be searched for. */
    static byte[] pdf(String title, String marker) {
        return PdfComposer.compose(
                title,
                "Test report",
                "A public summary.",
                List.of(new PdfComposer.Section(
                        "Findings", "The gated finding is " + marker + ".\n\n" + "More text. ".repeat(400))));
    }

    private JsonObject draft(String access, String marker) {
        String metadata = "{\"title\": \"Report " + marker + "\", \"summary\": \"Public teaser for " + access
                + "\", \"kind\": \"BRIEF\", \"year\": 2026, \"access\": \"" + access + "\""
                + (access.equals("MEMBERS_OR_PURCHASE") ? ", \"priceCents\": 1900" : "")
                + ", \"topics\": [\"Budget\"]}";
        Portal.Answer created = portal.postMultipart(
                "/api/reports",
                List.of(Part.json("metadata", metadata), Part.file("report.pdf", pdf("Report", marker))),
                STAFF);
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    /** Drafted by staff, reviewed and published by admin: the second pair of eyes the workflow needs. */
    private JsonObject published(String access, String marker) {
        JsonObject report = draft(access, marker);
        long id = report.getJsonNumber("id").longValue();
        assertEquals(200, transition(id, "IN_REVIEW", null, STAFF).status());
        Portal.Answer published = transition(id, "PUBLISHED", null, ADMIN);
        assertEquals(200, published.status(), published.toString());
        return published.json();
    }

    private Portal.Answer transition(long id, String to, String at, String who) {
        return portal.postJson(
                "/api/reports/" + id + "/transitions",
                "{\"to\": \"" + to + "\"" + (at == null ? "" : ", \"at\": \"" + at + "\"") + "}",
                who);
    }

    private static String[] as(String who) {
        return who == null ? new String[0] : new String[] {who};
    }

    @Test
    void aDraftIsCreatedFromMultipartAndStaysInvisibleUntilAnotherStaffMemberPublishesIt() {
        String marker = "draftmark" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject draft = draft("MEMBERS", marker);
        long id = draft.getJsonNumber("id").longValue();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(draft.getString("slug").startsWith("report-" + marker));
        assertEquals(1, draft.getInt("version"));
        assertTrue(draft.getInt("pages") >= 1);

        for (String who : Arrays.asList(null, READER, MEMBER, PRESS)) {
            assertEquals(404, portal.get("/api/reports/" + id, as(who)).status(), "draft seen by " + who);
            assertEquals(
                    404, portal.get("/api/reports/" + id + "/file", as(who)).status());
            assertFalse(portal.get("/api/reports", as(who)).body().contains(marker));
            assertEquals(
                    404,
                    portal.get("/reports/" + draft.getString("slug") + "/cover.png", as(who))
                            .status());
        }
        assertFalse(portal.get("/feeds/reports.atom").body().contains(marker));

        assertEquals(409, transition(id, "PUBLISHED", null, ADMIN).status(), "a draft must be reviewed first");
        assertEquals(200, transition(id, "IN_REVIEW", null, STAFF).status());
        Portal.Answer byAuthor = transition(id, "PUBLISHED", null, STAFF);
        assertEquals(403, byAuthor.status(), byAuthor.toString());
        assertTrue(byAuthor.body().contains("Another staff member"));
        Portal.Answer past =
                transition(id, "PUBLISHED", OffsetDateTime.now().minusHours(1).toString(), ADMIN);
        assertEquals(400, past.status(), past.toString());
        assertEquals(200, transition(id, "PUBLISHED", null, ADMIN).status());

        assertEquals(200, portal.get("/api/reports/" + id, MEMBER).status());
        assertTrue(portal.get("/feeds/reports.atom").body().contains("Report " + marker));
        Portal.Answer backwards = transition(id, "DRAFT", null, ADMIN);
        assertEquals(409, backwards.status(), backwards.toString());
        assertEquals("/problems/workflow-step-not-allowed", backwards.json().getString("type"));
        assertEquals("Workflow step not allowed", backwards.json().getString("title"));
        assertEquals(200, transition(id, "ARCHIVED", null, ADMIN).status());
        assertFalse(portal.get("/feeds/reports.atom").body().contains(marker), "archived reports leave the feed");
    }

    @Test
    void downloadUrlIsTheApiFileThatBasicClientsFollowAndPageUrlTheBrowsers() {
        JsonObject report =
                published("MEMBERS", "urlmark" + UUID.randomUUID().toString().substring(0, 8));
        long id = report.getJsonNumber("id").longValue();
        String slug = report.getString("slug");
        JsonObject listed = portal.get("/api/reports", MEMBER).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
        JsonObject detail = portal.get("/api/reports/" + id, MEMBER).json();
        for (JsonObject view : List.of(listed, detail)) {
            assertEquals("/api/reports/" + id + "/file", view.getString("downloadUrl"));
            assertEquals("/reports/" + slug + "/download", view.getString("pageUrl"));
        }
        JsonObject version = detail.getJsonArray("versions").getJsonObject(0);
        assertEquals("/api/reports/" + id + "/file?version=1", version.getString("downloadUrl"));
        assertEquals("/reports/" + slug + "/download?version=1", version.getString("pageUrl"));

        HttpResponse<byte[]> pdf = portal.bytes(detail.getString("downloadUrl"), List.of(), MEMBER);
        assertEquals(200, pdf.statusCode(), "a member with HTTP Basic gets the file, not the sign-in page");
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(
                401,
                portal.bytes(detail.getString("downloadUrl"), List.of()).statusCode(),
                "the signed-out get a problem to act on");
    }

    @Test
    void everyRoleGetsExactlyItsRightOnEveryChannelAndNoGatedByteLeaks() {
        Map<String, JsonObject> reports = Map.of(
                "PUBLIC",
                published("PUBLIC", "pubmark" + UUID.randomUUID().toString().substring(0, 8)),
                "MEMBERS",
                published("MEMBERS", "memmark" + UUID.randomUUID().toString().substring(0, 8)),
                "MEMBERS_OR_PURCHASE",
                published(
                        "MEMBERS_OR_PURCHASE",
                        "buymark" + UUID.randomUUID().toString().substring(0, 8)));
        String feed = portal.get("/feeds/reports.atom").body();
        for (Map.Entry<String, JsonObject> entry : reports.entrySet()) {
            String access = entry.getKey();
            JsonObject report = entry.getValue();
            long id = report.getJsonNumber("id").longValue();
            String slug = report.getString("slug");
            String marker = report.getString("title").substring("Report ".length());
            assertTrue(feed.contains("Report " + marker), "the feed lists " + access);
            assertFalse(feed.contains("gated finding"), "the feed carries no gated text");
            for (String who : Arrays.asList(null, READER, PRESS, MEMBER, STAFF, ADMIN)) {
                boolean member = MEMBER.equals(who) || STAFF.equals(who) || ADMIN.equals(who);
                boolean allowed = access.equals("PUBLIC") || member;
                String role = who == null ? "anonymous" : who;

                Portal.Answer metadata = portal.get("/api/reports/" + id, as(who));
                assertEquals(200, metadata.status(), role + " reads the metadata of " + access);
                assertEquals(allowed, metadata.json().getBoolean("canDownload"), role + " on " + access);
                assertFalse(metadata.body().contains("gated finding"), "the PDF's text never leaves in metadata");
                if (!allowed) {
                    assertTrue(metadata.json().getJsonArray("sections").isEmpty(), role + " gets no sections");
                }

                Portal.Answer page = portal.get("/reports/" + slug, as(who));
                assertEquals(200, page.status(), role + " opens the page of " + access);
                assertTrue(page.body().contains("Report " + marker));

                assertEquals(
                        200,
                        portal.get("/reports/" + slug + "/cover.png", as(who)).status());

                HttpResponse<byte[]> api = portal.bytes("/api/reports/" + id + "/file", List.of(), as(who));
                int expected = allowed ? 200 : who == null ? 401 : 403;
                assertEquals(expected, api.statusCode(), role + " downloads " + access + " through the API");
                // Pages honour the session only (Basic is for the API), so the page link is checked here for the
                // anonymous; the browser test signs in and checks it for a member and a non-member.
                HttpResponse<byte[]> download = portal.bytes("/reports/" + slug + "/download", List.of());
                boolean open = access.equals("PUBLIC");
                assertEquals(
                        open ? 200 : 302, download.statusCode(), "the anonymous download " + access + " from the page");
                if (open) {
                    assertArrayEquals(api.body(), download.body());
                }
                if (allowed) {
                    assertEquals(
                            "application/pdf",
                            api.headers().firstValue("Content-Type").orElse(""));
                    assertTrue(api.headers()
                            .firstValue("Content-Disposition")
                            .orElse("")
                            .startsWith("attachment; filename=\"" + slug + "-v1.pdf\""));
                } else {
                    assertFalse(new String(api.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
                    assertFalse(new String(download.body(), StandardCharsets.ISO_8859_1).contains("%PDF"));
                }
                if (!open) {
                    assertTrue(
                            download.headers().firstValue("Location").orElse("").contains("/signin.xhtml?next="));
                }
                if (READER.equals(who) && !allowed) {
                    String body = new String(api.body(), StandardCharsets.UTF_8);
                    assertTrue(body.contains("JOIN"), body);
                    assertEquals(access.equals("MEMBERS_OR_PURCHASE"), body.contains("BUY"), body);
                }
            }
        }
    }

    @Test
    void rangesResumeByteForByteAndBadRangesGetTheWholeFileOr416() {
        JsonObject report =
                published("MEMBERS", "rangemark" + UUID.randomUUID().toString().substring(0, 8));
        String file = "/api/reports/" + report.getJsonNumber("id").longValue() + "/file";
        HttpResponse<byte[]> whole = portal.bytes(file, List.of(), MEMBER);
        assertEquals(200, whole.statusCode());
        byte[] all = whole.body();
        int size = all.length;
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        String lastModified = whole.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));

        HttpResponse<byte[]> first = portal.bytes(file, List.of("Range", "bytes=0-99"), MEMBER);
        assertEquals(206, first.statusCode());
        assertEquals(
                "bytes 0-99/" + size,
                first.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(all, 0, 100), first.body());

        HttpResponse<byte[]> suffix = portal.bytes(file, List.of("Range", "bytes=-50"), MEMBER);
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(Arrays.copyOfRange(all, size - 50, size), suffix.body());

        HttpResponse<byte[]> rest = portal.bytes(file, List.of("Range", "bytes=100-"), MEMBER);
        assertEquals(206, rest.statusCode());
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        resumed.writeBytes(first.body());
        resumed.writeBytes(rest.body());
        assertArrayEquals(all, resumed.toByteArray(), "a resumed download equals the whole one");

        HttpResponse<byte[]> beyond = portal.bytes(file, List.of("Range", "bytes=" + size + "-"), MEMBER);
        assertEquals(416, beyond.statusCode());
        assertEquals(
                "bytes */" + size, beyond.headers().firstValue("Content-Range").orElse(""));
        assertEquals(
                416, portal.bytes(file, List.of("Range", "bytes=-0"), MEMBER).statusCode());

        for (String invalid : List.of("bytes=50-10", "bytes=abc", "items=0-10", "bytes=0-1,5-9")) {
            HttpResponse<byte[]> ignored = portal.bytes(file, List.of("Range", invalid), MEMBER);
            assertEquals(200, ignored.statusCode(), invalid + " is ignored");
            assertEquals(size, ignored.body().length);
        }
        HttpResponse<byte[]> clamped = portal.bytes(file, List.of("Range", "bytes=10-99999999999999999999"), MEMBER);
        assertEquals(206, clamped.statusCode());
        assertEquals(size - 10, clamped.body().length);

        assertEquals(
                206,
                portal.bytes(file, List.of("Range", "bytes=0-9", "If-Range", etag), MEMBER)
                        .statusCode());
        assertEquals(
                206,
                portal.bytes(file, List.of("Range", "bytes=0-9", "If-Range", lastModified), MEMBER)
                        .statusCode());
        HttpResponse<byte[]> changed = portal.bytes(file, List.of("Range", "bytes=0-9", "If-Range", "\"old\""), MEMBER);
        assertEquals(200, changed.statusCode(), "a changed file is sent whole");
        assertEquals(size, changed.body().length);
        assertEquals(
                304, portal.bytes(file, List.of("If-None-Match", etag), MEMBER).statusCode());
        assertEquals(
                304,
                portal.bytes(file, List.of("If-Modified-Since", lastModified), MEMBER)
                        .statusCode());
        assertEquals(
                200,
                portal.bytes(file, List.of("If-None-Match", "\"old\"", "If-Modified-Since", lastModified), MEMBER)
                        .statusCode(),
                "If-None-Match decides when both are sent");

        JsonObject log = portal
                .get("/api/reports/" + report.getJsonNumber("id").longValue() + "/downloads", STAFF)
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(d -> "0-99".equals(d.getString("range", null)))
                .findFirst()
                .orElseThrow();
        assertEquals(100, log.getJsonNumber("bytesSent").longValue());
        assertTrue(log.getBoolean("completed"));
        assertEquals("API", log.getString("channel"));
        assertTrue(log.getString("who").contains("member@demo.local"));
    }

    @Test
    void badUploadsAreRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        int before = portal.get("/api/reports", STAFF).array().size();
        String metadata = "{\"title\": \"Bad upload\", \"summary\": \"s\", \"kind\": \"BRIEF\", \"year\": 2026,"
                + " \"access\": \"MEMBERS\"}";
        byte[] good = pdf("Good", "x");
        Map<String, byte[]> files = Map.of(
                "text.pdf", "Just some text, not a PDF at all.".getBytes(StandardCharsets.UTF_8),
                "truncated.pdf", Arrays.copyOf(good, good.length / 2),
                "encrypted.pdf", encrypted(good),
                "empty.pdf", new byte[0],
                "html.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Portal.Answer refused = portal.postMultipart(
                    "/api/reports",
                    List.of(Part.json("metadata", metadata), Part.file(file.getKey(), file.getValue())),
                    STAFF);
            assertEquals(400, refused.status(), file.getKey() + ": " + refused);
            assertEquals("application/problem+json;charset=UTF-8", refused.header("Content-Type"));
            assertFalse(refused.json().getString("detail").isBlank());
        }
        Portal.Answer traversal = portal.postMultipart(
                "/api/reports",
                List.of(Part.json("metadata", metadata), Part.file("../../etc/passwd.pdf", good)),
                STAFF);
        assertEquals(400, traversal.status(), traversal.toString());
        assertTrue(traversal.body().contains("path"));

        byte[] huge = new byte[100 * 1024 * 1024 + 1];
        System.arraycopy(good, 0, huge, 0, good.length);
        Portal.Answer oversize = portal.postMultipart(
                "/api/reports", List.of(Part.json("metadata", metadata), Part.file("huge.pdf", huge)), STAFF);
        assertEquals(413, oversize.status(), oversize.toString());

        Portal.Answer malformed = portal.postMultipart(
                "/api/reports", List.of(Part.json("metadata", "{not json"), Part.file("a.pdf", good)), STAFF);
        assertEquals(400, malformed.status(), malformed.toString());
        Portal.Answer byMember = portal.postMultipart(
                "/api/reports", List.of(Part.json("metadata", metadata), Part.file("a.pdf", good)), MEMBER);
        assertEquals(403, byMember.status());
        assertEquals(before, portal.get("/api/reports", STAFF).array().size(), "nothing was stored");
    }

    /**
     * Issue 22, point 2: staff-only uploads answer 401 or 403 before the body is stored or parsed, so a file that is
     * not a PDF gets the refusal of the caller, never the verdict on the file (that would mean it was read).
     */
    @Test
    void uploadsRefuseTheCallerBeforeReadingTheFile() {
        byte[] notAPdf = "Just some text, not a PDF at all.".getBytes(StandardCharsets.UTF_8);
        String metadata = "{\"title\": \"Refused\", \"summary\": \"s\", \"kind\": \"BRIEF\", \"year\": 2026,"
                + " \"access\": \"MEMBERS\"}";
        List<Part> parts = List.of(Part.json("metadata", metadata), Part.file("text.pdf", notAPdf));
        long id = published("MEMBERS", "gatemark" + UUID.randomUUID().toString().substring(0, 8))
                .getJsonNumber("id")
                .longValue();
        for (String path :
                List.of("/api/reports", "/api/reports/" + id + "/versions", "/api/reports/987654/versions")) {
            Portal.Answer anonymous = portal.postMultipart(path, parts);
            assertEquals(401, anonymous.status(), path + " anonymous: " + anonymous);
            assertEquals("application/problem+json;charset=UTF-8", anonymous.header("Content-Type"));
            for (String who : List.of(MEMBER, READER, PRESS)) {
                assertEquals(403, portal.postMultipart(path, parts, who).status(), path + " by " + who);
            }
        }
        assertEquals(400, portal.postMultipart("/api/reports", parts, STAFF).status(), "staff's file is read");
        // The pages take uploads from staff alone, before the container parses the parts.
        String slug = portal.get("/api/reports/" + id, STAFF).json().getString("slug");
        for (String page : List.of("/reports/report.xhtml?slug=" + slug, "/reports/" + slug, "/index.xhtml")) {
            assertEquals(403, portal.postMultipart(page, parts).status(), page);
        }
    }

    /** Issue 22, point 5: the download log's CSV answers a draft's or an embargoed report's id as a missing one. */
    @Test
    void theDownloadLogTellsNoOneButStaffWhichIdsExist() {
        long draftId = draft(
                        "MEMBERS", "csvdraft" + UUID.randomUUID().toString().substring(0, 8))
                .getJsonNumber("id")
                .longValue();
        long embargoedId = draft(
                        "PUBLIC", "csvembargo" + UUID.randomUUID().toString().substring(0, 8))
                .getJsonNumber("id")
                .longValue();
        assertEquals(200, transition(embargoedId, "IN_REVIEW", null, STAFF).status());
        assertEquals(
                200,
                transition(
                                embargoedId,
                                "PUBLISHED",
                                OffsetDateTime.now().plusHours(3).toString(),
                                ADMIN)
                        .status());
        long publishedId = published(
                        "MEMBERS", "csvpub" + UUID.randomUUID().toString().substring(0, 8))
                .getJsonNumber("id")
                .longValue();
        for (String who : Arrays.asList(null, READER, MEMBER, PRESS)) {
            Set<Integer> statuses = new java.util.TreeSet<>();
            for (long id : List.of(draftId, embargoedId, publishedId, draftId + 1_000_000)) {
                statuses.add(portal.get("/api/reports/" + id + "/downloads.csv", as(who))
                        .status());
            }
            assertEquals(Set.of(who == null ? 401 : 403), statuses, "statuses for " + who);
        }
        assertEquals(
                404,
                portal.get("/api/reports/" + (draftId + 1_000_000) + "/downloads.csv", STAFF)
                        .status());
    }

    private static byte[] encrypted(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aScheduledReportAppearsAtItsMomentAndNotBefore() throws Exception {
        String marker = "embargomark" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject report = draft("PUBLIC", marker);
        long id = report.getJsonNumber("id").longValue();
        transition(id, "IN_REVIEW", null, STAFF);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(6);
        Portal.Answer scheduled = transition(id, "PUBLISHED", at.toString(), ADMIN);
        assertEquals(200, scheduled.status(), scheduled.toString());
        assertTrue(scheduled.json().getBoolean("embargoed"));

        assertEquals(404, portal.get("/api/reports/" + id, MEMBER).status());
        assertEquals(
                404,
                portal.get("/reports/" + report.getString("slug") + "/download").status());
        assertFalse(portal.get("/api/reports", MEMBER).body().contains(marker));
        assertFalse(portal.get("/feeds/reports.atom").body().contains(marker));
        assertEquals(200, portal.get("/api/reports/" + id, STAFF).status(), "staff see the embargoed report");

        // The moment the report is first seen, taken as soon as its answer is in.
        OffsetDateTime seen = await().alias("the report to appear")
                .atMost(Duration.ofSeconds(10))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> portal.get("/api/reports/" + id, MEMBER).status() == 200
                                ? OffsetDateTime.now(ZoneOffset.UTC)
                                : null,
                        Objects::nonNull);
        assertFalse(seen.isBefore(at), "not before its moment");
        assertTrue(portal.get("/feeds/reports.atom").body().contains(marker));
        assertTrue(portal.get("/api/reports?kind=BRIEF", MEMBER).body().contains(marker));
    }

    @Test
    void purchasesAndPressCopiesAreGrantedByStaffAndThenDownload() {
        JsonObject forSale = published(
                "MEMBERS_OR_PURCHASE", "salemark" + UUID.randomUUID().toString().substring(0, 8));
        long id = forSale.getJsonNumber("id").longValue();
        assertEquals(1900, forSale.getInt("priceCents"));
        String requests = "/api/reports/" + id + "/access-requests";

        assertEquals(
                409,
                portal.postJson(requests, "{\"kind\": \"PURCHASE\"}", MEMBER).status(),
                "members have it");
        Portal.Answer asked =
                portal.postJson(requests, "{\"kind\": \"PURCHASE\", \"message\": \"For our board\"}", READER);
        assertEquals(201, asked.status(), asked.toString());
        assertEquals(
                409,
                portal.postJson(requests, "{\"kind\": \"PURCHASE\"}", READER).status(),
                "asked twice");
        assertEquals(
                403, portal.postJson(requests, "{\"kind\": \"PRESS\"}", READER).status(), "not press");
        long requestId = asked.json().getJsonNumber("id").longValue();
        assertTrue(portal.get("/api/access-requests", STAFF).body().contains("\"id\":" + requestId));
        assertEquals(
                403,
                portal.postJson("/api/access-requests/" + requestId + "/approve", "{}", READER)
                        .status());
        assertEquals(
                400,
                portal.postJson("/api/access-requests/" + requestId + "/approve", "{}", STAFF)
                        .status(),
                "a sale needs its payment reference");
        Portal.Answer approved = portal.postJson(
                "/api/access-requests/" + requestId + "/approve", "{\"reference\": \"INV-2026-0042\"}", STAFF);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.json().getString("status"));
        assertEquals(
                200,
                portal.bytes("/api/reports/" + id + "/file", List.of(), READER).statusCode());
        assertEquals(
                409,
                portal.postJson("/api/access-requests/" + requestId + "/decline", "{\"reason\": \"x\"}", STAFF)
                        .status());

        JsonObject membersOnly =
                published("MEMBERS", "pressmark" + UUID.randomUUID().toString().substring(0, 8));
        long membersId = membersOnly.getJsonNumber("id").longValue();
        assertEquals(
                409,
                portal.postJson("/api/reports/" + membersId + "/access-requests", "{\"kind\": \"PURCHASE\"}", READER)
                        .status(),
                "not for sale");
        Portal.Answer press = portal.postJson(
                "/api/reports/" + membersId + "/access-requests",
                "{\"kind\": \"PRESS\", \"message\": \"Education Weekly\"}",
                PRESS);
        assertEquals(201, press.status(), press.toString());
        assertEquals(
                403,
                portal.bytes("/api/reports/" + membersId + "/file", List.of(), PRESS)
                        .statusCode());
        portal.postJson(
                "/api/access-requests/" + press.json().getJsonNumber("id").longValue() + "/approve", "{}", STAFF);
        assertEquals(
                200,
                portal.bytes("/api/reports/" + membersId + "/file", List.of(), PRESS)
                        .statusCode());
        assertTrue(portal.get("/api/me/notifications", PRESS).body().contains("is ready to download"));
    }

    /**
     * Issue 22, point 3: staff take a purchase back (a refund) with a reason. The file, the buyer's signed link and
     * search's gated text close at once; the grant stays listed with who lost it and why.
     */
    @Test
    void aRevokedPurchaseClosesTheFileTheLinkAndSearchAtOnce() throws Exception {
        String marker = "refundmark" + UUID.randomUUID().toString().substring(0, 8);
        long id = published("MEMBERS_OR_PURCHASE", marker).getJsonNumber("id").longValue();
        Portal.Answer asked =
                portal.postJson("/api/reports/" + id + "/access-requests", "{\"kind\": \"PURCHASE\"}", READER);
        assertEquals(201, asked.status(), asked.toString());
        assertEquals(
                200,
                portal.postJson(
                                "/api/access-requests/" + asked.json().getJsonNumber("id") + "/approve",
                                "{\"reference\": \"INV-REFUND-1\"}",
                                STAFF)
                        .status());
        String file = "/api/reports/" + id + "/file";
        assertEquals(200, portal.bytes(file, List.of(), READER).statusCode());
        Portal.Answer link = portal.postJson("/api/reports/" + id + "/links", "{\"minutes\": 30}", READER);
        assertEquals(201, link.status(), link.toString());
        String linkPath = link.json().getString("url").replaceFirst("^https?://[^/]+", "");
        assertEquals(200, portal.bytes(linkPath, List.of()).statusCode());
        String search = "/api/search?q=" + marker;
        assertTrue(portal.get(search, READER).body().contains("gated finding"), "the buyer finds the text");

        String grants = "/api/reports/" + id + "/grants";
        assertEquals(401, portal.get(grants).status());
        for (String notStaff : List.of(READER, MEMBER, PRESS)) {
            assertEquals(403, portal.get(grants, notStaff).status(), notStaff);
        }
        JsonObject grant = portal.get(grants, STAFF).array().getJsonObject(0);
        assertEquals(READER, grant.getString("email"));
        assertEquals("PURCHASE", grant.getString("kind"));
        assertEquals("INV-REFUND-1", grant.getString("reference"));
        assertTrue(!grant.containsKey("revokedAt") || grant.isNull("revokedAt"), grant.toString());
        String revoke = grants + "/" + grant.getJsonNumber("id");
        assertEquals(400, revokeGrant(revoke, "{}", STAFF).status(), "a reason is required");
        assertEquals(
                403, revokeGrant(revoke, "{\"reason\": \"mine now\"}", MEMBER).status());
        assertEquals(
                404,
                revokeGrant(grants + "/987654", "{\"reason\": \"x\"}", STAFF).status());
        Portal.Answer revoked = revokeGrant(revoke, "{\"reason\": \"Refunded: the district paid twice\"}", STAFF);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("Refunded: the district paid twice", revoked.json().getString("revokeReason"));
        assertFalse(revoked.json().isNull("revokedAt"));

        assertEquals(403, portal.bytes(file, List.of(), READER).statusCode(), "the file");
        assertEquals(403, portal.bytes(linkPath, List.of()).statusCode(), "the signed link");
        await().atMost(Duration.ofSeconds(3))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertFalse(portal.get(search, READER).body().contains("gated finding"), "search"));
        assertEquals(409, revokeGrant(revoke, "{\"reason\": \"again\"}", STAFF).status(), "once");
        assertEquals(
                "Refunded: the district paid twice",
                portal.get(grants, STAFF).array().getJsonObject(0).getString("revokeReason"));
    }

    private Portal.Answer revokeGrant(String path, String json, String who) {
        return portal.send(Portal.authorized(
                portal.request(path)
                        .header("Content-Type", "application/json")
                        .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(json)),
                who));
    }

    @Test
    void aSignedLinkDownloadsForItsOwnerUntilItExpires() {
        JsonObject report =
                published("MEMBERS", "linkmark" + UUID.randomUUID().toString().substring(0, 8));
        long id = report.getJsonNumber("id").longValue();
        assertEquals(
                400,
                portal.postJson("/api/reports/" + id + "/links", "{\"minutes\": 0}", MEMBER)
                        .status());
        assertEquals(
                403,
                portal.postJson("/api/reports/" + id + "/links", "{\"minutes\": 5}", READER)
                        .status());
        Portal.Answer link = portal.postJson("/api/reports/" + id + "/links", "{\"minutes\": 5}", MEMBER);
        assertEquals(201, link.status(), link.toString());
        String url = link.json().getString("url");
        String path = url.substring(url.indexOf("/reports/"));
        HttpResponse<byte[]> viaLink = portal.bytes(path, List.of());
        assertEquals(200, viaLink.statusCode());
        assertTrue(new String(viaLink.body(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        String tampered = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
        assertEquals(403, portal.bytes(tampered, List.of()).statusCode());
        JsonObject entry =
                portal.get("/api/reports/" + id + "/downloads", STAFF).array().getJsonObject(0);
        assertEquals("LINK", entry.getString("channel"));
        assertTrue(entry.getString("who").contains(MEMBER));
        assertTrue(portal.get("/api/reports/" + id + "/downloads.csv", STAFF)
                .body()
                .contains("LINK"));
        JsonObject stats = portal.get("/api/reports/" + id + "/downloads/stats?days=7", STAFF)
                .json();
        assertEquals(1, stats.getJsonNumber("downloads").longValue());
        assertEquals(7, stats.getJsonArray("perDay").size());
        assertEquals(
                403, portal.get("/api/reports/" + id + "/downloads", MEMBER).status());
    }

    @Test
    void readersGetTheLatestVersionWhileStaffReachTheOlderOnes() {
        JsonObject report = published(
                "MEMBERS", "versionmark" + UUID.randomUUID().toString().substring(0, 8));
        long id = report.getJsonNumber("id").longValue();
        byte[] v1 =
                portal.bytes("/api/reports/" + id + "/file", List.of(), MEMBER).body();
        byte[] second = pdf("Second", "second edition");
        Portal.Answer noNote =
                portal.postMultipart("/api/reports/" + id + "/versions", List.of(Part.file("v2.pdf", second)), STAFF);
        assertEquals(400, noNote.status(), noNote.toString());
        Portal.Answer added = portal.postMultipart(
                "/api/reports/" + id + "/versions",
                List.of(Part.file("v2.pdf", second), Part.text("note", "Corrected the findings.")),
                STAFF);
        assertEquals(201, added.status(), added.toString());
        assertEquals(2, added.json().getInt("number"));
        assertArrayEquals(
                second,
                portal.bytes("/api/reports/" + id + "/file", List.of(), MEMBER).body());
        assertEquals(
                404,
                portal.bytes("/api/reports/" + id + "/file?version=1", List.of(), MEMBER)
                        .statusCode());
        assertArrayEquals(
                v1,
                portal.bytes("/api/reports/" + id + "/file?version=1", List.of(), STAFF)
                        .body());
        JsonObject detail = portal.get("/api/reports/" + id, MEMBER).json();
        assertEquals(2, detail.getJsonArray("versions").size());
        assertEquals(
                "Corrected the findings.",
                detail.getJsonArray("versions").getJsonObject(0).getString("note"));
        assertEquals(
                JsonValue.NULL,
                detail.getJsonArray("versions").getJsonObject(1).getOrDefault("downloadUrl", JsonValue.NULL));
    }

    @Test
    void sectionsKeepTheirAnchorsWhenTheirHeadingsChange() {
        JsonObject report =
                published("PUBLIC", "sectionmark" + UUID.randomUUID().toString().substring(0, 8));
        long id = report.getJsonNumber("id").longValue();
        Portal.Answer written = portal.putJson(
                "/api/reports/" + id + "/sections",
                "[{\"heading\": \"Budget pressure\", \"markdown\": \"Money is **tight**. <script>x()</script>\"},"
                        + " {\"heading\": \"Staffing\", \"markdown\": \"Hire early.\"}]",
                STAFF);
        assertEquals(200, written.status(), written.toString());
        assertEquals("budget-pressure", written.array().getJsonObject(0).getString("anchor"));
        assertFalse(written.array().getJsonObject(0).getString("html").contains("<script"));
        Portal.Answer renamed = portal.putJson(
                "/api/reports/" + id + "/sections",
                "[{\"anchor\": \"staffing\", \"heading\": \"People first\", \"markdown\": \"Hire early.\"},"
                        + " {\"anchor\": \"budget-pressure\", \"heading\": \"Money\", \"markdown\": \"Tight.\"}]",
                STAFF);
        assertEquals("staffing", renamed.array().getJsonObject(0).getString("anchor"));
        assertEquals("budget-pressure", renamed.array().getJsonObject(1).getString("anchor"));
        assertTrue(portal.get("/reports/" + report.getString("slug")).body().contains("id=\"budget-pressure\""));
    }

    /** Issue 28: members discuss a section where they read it; the thread follows the section's heading. */
    @Test
    void membersDiscussASectionWhichKeepsItsThreadsThroughRenameAndRemoval() throws Exception {
        String token = "zq" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject report = published("PUBLIC", "discussmark" + token);
        long id = report.getJsonNumber("id").longValue();
        String slug = report.getString("slug");
        assertEquals(
                200,
                portal.putJson(
                                "/api/reports/" + id + "/sections",
                                "[{\"heading\": \"Lean budgets\", \"markdown\": \"Money is **tight** this year.\\n\\n"
                                        + "A second paragraph.\"}, {\"heading\": \"Staffing\", \"markdown\": \"Hire.\"}]",
                                STAFF)
                        .status());

        Portal.Answer started = portal.postJson(
                "/api/threads",
                "{\"reportId\": " + id + ", \"sectionAnchor\": \"lean-budgets\", \"body\": \"What do you cut first?\"}",
                MEMBER);
        assertEquals(201, started.status(), started.toString());
        long thread = started.json().getJsonNumber("id").longValue();
        JsonObject read = portal.get("/api/threads/" + thread, MEMBER).json();
        assertEquals("On “Lean budgets” in Report discussmark" + token, read.getString("title"));
        JsonObject section = read.getJsonObject("section");
        assertEquals("Lean budgets", section.getString("heading"));
        assertEquals("/reports/" + slug + "#lean-budgets", section.getString("url"));
        assertFalse(section.getBoolean("removed"));
        String opening = read.getJsonArray("posts").getJsonObject(0).getString("html");
        assertTrue(opening.contains("<blockquote>") && opening.contains("Money is tight this year."), opening);
        assertFalse(opening.contains("second paragraph"), "only the opening is quoted: " + opening);
        assertTrue(opening.contains("href=\"/reports/" + slug + "#lean-budgets\""), opening);
        assertTrue(opening.contains("What do you cut first?"), opening);

        assertEquals(List.of(1L, 0L), discussionCounts(id, MEMBER), "counted for members, section by section");
        assertEquals(List.of(0L, 0L), discussionCounts(id, READER), "a non-member cannot read the members' category");
        assertEquals(List.of(0L, 0L), discussionCounts(id, null));
        Portal.Answer listed = portal.get("/api/threads?report=" + id + "&section=lean-budgets", MEMBER);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(
                thread,
                listed.json()
                        .getJsonArray("threads")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue());
        assertEquals(1, listed.json().getJsonArray("threads").size());
        assertTrue(portal.get("/api/threads?report=" + id + "&section=staffing", MEMBER)
                .json()
                .getJsonArray("threads")
                .isEmpty());
        assertTrue(portal.get("/api/threads?report=" + id + "&section=lean-budgets", READER)
                .json()
                .getJsonArray("threads")
                .isEmpty());
        assertEquals(
                400, portal.get("/api/threads?section=lean-budgets", MEMBER).status());

        long draft = draft("PUBLIC", "sectiondraft" + token).getJsonNumber("id").longValue();
        portal.putJson(
                "/api/reports/" + draft + "/sections", "[{\"heading\": \"Early\", \"markdown\": \"Soon.\"}]", STAFF);
        assertEquals(404, startAbout(draft, "early", MEMBER).status(), "a draft is not confirmed to members");
        assertEquals(404, portal.get("/api/threads?report=" + draft, MEMBER).status());
        Portal.Answer staffOnDraft = startAbout(draft, "early", STAFF);
        assertEquals(409, staffOnDraft.status(), staffOnDraft.toString());
        assertTrue(staffOnDraft.json().getString("detail").contains("published"), staffOnDraft.toString());
        long embargoed =
                draft("PUBLIC", "sectionlater" + token).getJsonNumber("id").longValue();
        portal.putJson(
                "/api/reports/" + embargoed + "/sections",
                "[{\"heading\": \"Later\", \"markdown\": \"Soon.\"}]",
                STAFF);
        assertEquals(200, transition(embargoed, "IN_REVIEW", null, STAFF).status());
        assertEquals(
                200,
                transition(
                                embargoed,
                                "PUBLISHED",
                                OffsetDateTime.now().plusDays(2).toString(),
                                ADMIN)
                        .status());
        assertEquals(404, startAbout(embargoed, "later", MEMBER).status(), "an embargoed report is not confirmed");
        assertEquals(409, startAbout(embargoed, "later", STAFF).status(), "nor discussed before its release");
        Portal.Answer unknownAnchor = startAbout(id, "no-such-section", MEMBER);
        assertEquals(404, unknownAnchor.status(), unknownAnchor.toString());
        assertTrue(unknownAnchor.json().getString("detail").contains("no-such-section"), unknownAnchor.toString());
        assertEquals(404, startAbout(987_654_321L, "lean-budgets", MEMBER).status());
        assertEquals(403, startAbout(id, "lean-budgets", READER).status(), "writing takes a membership");
        assertEquals(
                400,
                portal.postJson("/api/threads", "{\"reportId\": " + id + ", \"body\": \"x\"}", MEMBER)
                        .status());

        String renamed = "Thin wallets " + token;
        Portal.Answer rename = portal.putJson(
                "/api/reports/" + id + "/sections",
                "[{\"anchor\": \"lean-budgets\", \"heading\": \"" + renamed + "\", \"markdown\": \"Tight.\"},"
                        + " {\"anchor\": \"staffing\", \"heading\": \"Staffing\", \"markdown\": \"Hire.\"}]",
                STAFF);
        assertEquals("lean-budgets", rename.array().getJsonObject(0).getString("anchor"));
        assertEquals(1, rename.array().getJsonObject(0).getInt("discussions"));
        JsonObject followed =
                portal.get("/api/threads/" + thread, MEMBER).json().getJsonObject("section");
        assertEquals(renamed, followed.getString("heading"));
        assertEquals("/reports/" + slug + "#lean-budgets", followed.getString("url"));
        await().alias("the thread to be found by the section's new heading")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> foundThread(token, MEMBER, thread));
        assertFalse(foundThread(token, READER, thread), "search keeps the members' category to members");

        portal.putJson(
                "/api/reports/" + id + "/sections",
                "[{\"anchor\": \"staffing\", \"heading\": \"Staffing\", \"markdown\": \"Hire.\"}]",
                STAFF);
        JsonObject removed = portal.get("/api/threads/" + thread, MEMBER).json().getJsonObject("section");
        assertTrue(removed.getBoolean("removed"));
        assertEquals(renamed, removed.getString("heading"), "the heading as it was last known");
        assertEquals(List.of(0L), discussionCounts(id, MEMBER));
        HttpClient pages = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        portal.signInThroughTheForm(pages, MEMBER, Portal.DEMO_PASSWORD);
        String page = pages.send(
                        portal.request("/discussions/thread.xhtml?id=" + thread)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(page.contains("That section has since been removed from the report."), page);
        assertTrue(page.contains("“" + renamed + "”"), "the removed section's last heading shows");

        JsonObject broadband = category("broadband");
        assertTrue(category("reports").getBoolean("reportSections"), "the demo's default");
        try {
            Portal.Answer chosen = chooseForSections(broadband);
            assertEquals(200, chosen.status(), chosen.toString());
            assertFalse(category("reports").getBoolean("reportSections"), "one category at a time");
            long inPublic = startAbout(id, "staffing", MEMBER)
                    .json()
                    .getJsonNumber("id")
                    .longValue();
            assertEquals(
                    "broadband",
                    portal.get("/api/threads/" + inPublic, MEMBER).json().getString("categorySlug"));
            assertEquals(List.of(1L), discussionCounts(id, READER), "the public category is counted for everyone");
            assertEquals(List.of(1L), discussionCounts(id, null));

            JsonObject gated = published("MEMBERS", "gatedsection" + token);
            long gatedId = gated.getJsonNumber("id").longValue();
            portal.putJson(
                    "/api/reports/" + gatedId + "/sections",
                    "[{\"heading\": \"Inside\", \"markdown\": \"The members' text " + token + ".\"}]",
                    STAFF);
            long aboutGated = startAbout(gatedId, "inside", MEMBER)
                    .json()
                    .getJsonNumber("id")
                    .longValue();
            String first = portal.get("/api/threads/" + aboutGated, MEMBER)
                    .json()
                    .getJsonArray("posts")
                    .getJsonObject(0)
                    .getString("html");
            assertFalse(
                    first.contains("The members"), "a members' report is not quoted where the public reads: " + first);
            assertTrue(first.contains("#inside"), "only linked: " + first);
        } finally {
            assertEquals(200, chooseForSections(category("reports")).status());
        }
    }

    private JsonObject category(String slug) {
        return portal.get("/api/categories", STAFF).array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("slug").equals(slug))
                .findFirst()
                .orElseThrow();
    }

    private Portal.Answer chooseForSections(JsonObject category) {
        JsonObject form = jakarta.json.Json.createObjectBuilder()
                .add("name", category.getString("name"))
                .add("description", category.getString("description"))
                .add("kind", category.getString("kind"))
                .add("visibility", category.getString("visibility"))
                .add("chathamHouseDefault", category.getBoolean("chathamHouseDefault"))
                .add("reportSections", true)
                .build();
        return portal.putJson("/api/categories/" + category.getJsonNumber("id"), form.toString(), STAFF);
    }

    private Portal.Answer startAbout(long reportId, String anchor, String who) {
        return portal.postJson(
                "/api/threads",
                "{\"reportId\": " + reportId + ", \"sectionAnchor\": \"" + anchor + "\", \"body\": \"A thought.\"}",
                who);
    }

    private List<Long> discussionCounts(long reportId, String who) {
        return portal
                .get("/api/reports/" + reportId, as(who))
                .json()
                .getJsonArray("sections")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(s -> s.getJsonNumber("discussions").longValue())
                .toList();
    }

    private boolean foundThread(String query, String who, long threadId) {
        return portal
                .get("/api/search?q=" + query, who)
                .json()
                .getJsonArray("hits")
                .getValuesAs(JsonObject.class)
                .stream()
                .anyMatch(hit -> hit.getString("url").equals("/discussions/thread.xhtml?id=" + threadId));
    }

    @Test
    void theLibraryShowsMembersOnlyBodiesOnlyToMembersAndStaffKeepIt() {
        List<JsonObject> anonymous = portal.get("/api/library").array().getValuesAs(JsonObject.class);
        JsonObject locked = anonymous.stream()
                .filter(e -> e.getString("access").equals("MEMBERS"))
                .findFirst()
                .orElseThrow();
        assertTrue(locked.getBoolean("locked"));
        long lockedId = locked.getJsonNumber("id").longValue();
        assertFalse(portal.get("/api/library/" + lockedId).json().containsKey("body"));
        assertTrue(portal.get("/api/library/" + lockedId, MEMBER).json().containsKey("body"));
        assertTrue(portal.get("/api/library/" + lockedId, READER).json().getBoolean("locked"));

        String form = "{\"title\": \"Budget with the board\", \"summary\": \"Plan three years out.\","
                + " \"body\": \"Start with **total cost**.\", \"challengeArea\": \"Budget\","
                + " \"tags\": [\"Board\", \"Planning\"], \"source\": \"Test\", \"access\": \"PUBLIC\"}";
        assertEquals(403, portal.postJson("/api/library", form, MEMBER).status());
        Portal.Answer created = portal.postJson("/api/library", form, STAFF);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals(
                List.of("board", "planning"),
                created.json().getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertTrue(portal.get("/api/library?area=Budget&tag=board").body().contains("Budget with the board"));
        assertFalse(portal.get("/api/library?area=Money").body().contains("Budget with the board"));
        assertEquals(
                400,
                portal.putJson("/api/library/" + id, "{\"title\": \"\"}", STAFF).status());
        assertEquals(204, portal.delete("/api/library/" + id, STAFF).status());
        assertEquals(404, portal.get("/api/library/" + id).status());
    }
}
