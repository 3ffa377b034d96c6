package org.ctoforum.launcher;

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

        try (PackagedPortal portal = PackagedPortal.start(data, HTTP_PORT, DB_PORT, "512m", START_TIMEOUT)) {
            Portal client = new Portal(URI.create(portal.baseUrl()).toURL());
            var thread = client.get("/api/threads/" + threadId, "member@demo.local", portal.demoPassword());
            assertEquals(200, thread.status(), thread::toString);
            assertEquals("Kept across a restart", thread.json().getString("title"));

            // The demo content writes the missing entry again, and the index, kept from the first start, follows
            // the seed's change as it follows staff: no rebuild.
            awaitSearch(client, true, "the library entry the demo content wrote again to be searchable");
        }
    }

    private static void awaitSearch(Portal client, boolean found, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SEARCH_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var answer = client.get("/api/search?q=" + URLEncoder.encode(RESEEDED_TITLE, StandardCharsets.UTF_8));
            last = answer.body();
            boolean hit = answer.status() == 200
                    && answer.json().getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                            .anyMatch(h -> h.getString("url").endsWith("slug=" + RESEEDED_SLUG));
            if (hit == found) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Waited " + SEARCH_TIMEOUT + " for " + what + "; the last answer: " + last);
    }
}
