package org.ctoforum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.file.PathUtils;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.testing.Portal;
import org.junit.jupiter.api.Test;

/**
 * The README's way to run the portal: {@code java -jar target/cto-forum.jar} on an empty data folder, then again on
 * the data it left. The launcher has its own class path beside the WAR, so only starting the real jar shows that it
 * ships every library it needs.
 */
class PackagedLauncherIT {

    private static final int HTTP_PORT = 18_291;
    private static final int DB_PORT = 54_791;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

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
        }

        try (PackagedPortal portal = PackagedPortal.start(data, HTTP_PORT, DB_PORT, "512m", START_TIMEOUT)) {
            Portal client = new Portal(URI.create(portal.baseUrl()).toURL());
            var thread = client.get("/api/threads/" + threadId, "member@demo.local", portal.demoPassword());
            assertEquals(200, thread.status(), thread::toString);
            assertEquals("Kept across a restart", thread.json().getString("title"));
        }
    }
}
