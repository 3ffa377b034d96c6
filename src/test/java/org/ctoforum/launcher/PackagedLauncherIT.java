package org.ctoforum.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.testing.Portal;
import org.junit.jupiter.api.Test;

/**
 * The README's way to run the portal: {@code java -jar target/cto-forum.jar} on an empty data folder, then again on
 * the data it left, where the demo content adds what is missing and search follows it. The launcher has its own class path beside the WAR, so only starting the real jar shows that it
 * ships every library it needs.
 */
class PackagedLauncherIT {

    private static final int HTTP_PORT = 18_291;
    private static final int DB_PORT = 54_791;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(30);
    /** A public entry of seeds/library.json, deleted after the first start so that the second writes it again. */
    private static final String RESEEDED_SLUG = "get-a-seat-at-the-decision-table";

    private static final String RESEEDED_TITLE = "Get a seat where decisions are made";

    /**
     * A new association's start: demo mode off, an empty database, no administrator. The log and the launcher give a
     * one-time setup address; it makes the first administrator once, and is refused after.
     */
    @Test
    void aNewAssociationMakesItsFirstAdministratorThroughTheLoggedSetupAddress() throws Exception {
        Path data = Path.of("target", "launcher-it", "setup", "data");
        if (Files.exists(data.getParent())) {
            PathUtils.deleteDirectory(data.getParent());
        }
        try (PackagedPortal portal =
                PackagedPortal.start(data, HTTP_PORT, DB_PORT, "512m", START_TIMEOUT, "portal.demo=false")) {
            Path log = data.toAbsolutePath().getParent().resolve("portal.log");
            Pattern printed = Pattern.compile(
                    "^Create the first administrator at (\\S+/setup/([A-Za-z0-9_-]+))$", Pattern.MULTILINE);
            Matcher setup = await().alias("the launcher to print the setup address")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> printed.matcher(Files.readString(log, StandardCharsets.ISO_8859_1)), Matcher::find);
            String url = setup.group(1);
            String token = setup.group(2);
            assertTrue(url.startsWith(portal.baseUrl()), url);
            assertTrue(
                    Files.readString(log, StandardCharsets.ISO_8859_1)
                            .contains("Create the first administrator at " + url + " (works once"),
                    "the portal's own log line names the same address");

            Portal client = new Portal(URI.create(portal.baseUrl()).toURL());
            assertEquals(
                    401,
                    client.get("/api/me", "admin@demo.local", "anything at all").status(),
                    "no demo");
            var page = client.get("/setup/" + token);
            assertEquals(200, page.status(), page::toString);
            assertTrue(page.body().contains("setup:create"), "the page asks for the administrator");

            String admin = "{\"token\":\"" + token + "\",\"email\":\"chief@district.example\","
                    + "\"displayName\":\"Chief Admin\",\"password\":\"the first admin passphrase\"}";
            var forged = client.postJson("/api/setup", admin.replace(token, token + "x"));
            assertEquals(400, forged.status(), forged::toString);
            var created = client.postJson("/api/setup", admin);
            assertEquals(201, created.status(), created::toString);
            var me = client.get("/api/me", "chief@district.example", "the first admin passphrase");
            assertEquals(200, me.status(), me::toString);
            assertTrue(me.json().getJsonArray("roles").toString().contains("ADMIN"), me.body());
            assertTrue(me.json().getBoolean("emailConfirmed"));

            var again = client.postJson("/api/setup", admin.replace("chief@", "second@"));
            assertEquals(400, again.status(), "the address works once: " + again);
            assertTrue(client.get("/setup/" + token).body().contains("setup-unusable"));
        }
    }

    @Test
    void theJarStartsOnAnEmptyDataFolderAndAgainOnTheDataItLeft() throws Exception {
        Path data = Path.of("target", "launcher-it", "data");
        if (Files.exists(data.getParent())) {
            PathUtils.deleteDirectory(data.getParent());
        }

        long threadId;
        try (PackagedPortal portal = PackagedPortal.start(data, HTTP_PORT, DB_PORT, "512m", START_TIMEOUT)) {
            Portal client = new Portal(URI.create(portal.baseUrl()).toURL());
            var reports = client.get("/api/reports", "member@demo.local", portal.demoPassword());
            assertEquals(200, reports.status(), reports::toString);
            assertTrue(reports.array().size() > 0, "the demo content has reports: " + reports.body());

            long category = client.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("visibility").equals("PUBLIC"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
            var created = client.postJson(
                    "/api/threads",
                    Json.createObjectBuilder()
                            .add("title", "Kept across a restart")
                            .add("body", "Still here after the portal stops and starts again?")
                            .add("categoryId", category)
                            .build()
                            .toString(),
                    "member@demo.local",
                    portal.demoPassword());
            assertEquals(201, created.status(), created::toString);
            threadId = created.json().getJsonNumber("id").longValue();

            awaitSearch(client, true, "the seeded library entry to be searchable");
            long entry = client.get("/api/library").array().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("slug").equals(RESEEDED_SLUG))
                    .findFirst()
                    .orElseThrow()
                    .getJsonNumber("id")
                    .longValue();
            var deleted = client.delete("/api/library/" + entry, "staff@demo.local", portal.demoPassword());
            assertEquals(204, deleted.status(), deleted::toString);
            awaitSearch(client, false, "the deleted library entry to leave the index");
        }

        try (PackagedPortal portal = PackagedPortal.start(
                data, HTTP_PORT, DB_PORT, "512m", START_TIMEOUT, "portal.base.url=https://forum.district.example/")) {
            Portal client = new Portal(URI.create(portal.baseUrl()).toURL());
            assertTrue(
                    client.get("/openapi").body().contains("\n- url: https://forum.district.example\n"),
                    "the API contract names the public address, without a trailing slash");
            var thread = client.get("/api/threads/" + threadId, "member@demo.local", portal.demoPassword());
            assertEquals(200, thread.status(), thread::toString);
            assertEquals("Kept across a restart", thread.json().getString("title"));

            // The demo content writes the missing entry again, and the index, kept from the first start, follows
            // the seed's change as it follows staff: no rebuild.
            awaitSearch(client, true, "the library entry the demo content wrote again to be searchable");
        }
    }

    /** Searches until the entry is found, or not, as asked; the timeout message shows the last answer. */
    private static void awaitSearch(Portal client, boolean found, String what) {
        await().alias(what)
                .atMost(SEARCH_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> client.get("/api/search?q=" + URLEncoder.encode(RESEEDED_TITLE, StandardCharsets.UTF_8)),
                        answer -> {
                            boolean hit = answer.status() == 200
                                    && answer.json().getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                                            .anyMatch(h -> h.getString("url").endsWith("slug=" + RESEEDED_SLUG));
                            return hit == found;
                        });
    }
}
