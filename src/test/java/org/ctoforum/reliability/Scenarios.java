package org.ctoforum.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * The reliability scenarios, too long for the test run: {@code ./mvnw -Preliability verify
 * [-Dreliability.parts=outage,crash,slow]}. Each starts its own packaged portal, writes {@code target/reliability/<part>.json}
 * and {@code .md}, and stops it; the whole run ends by itself after {@code -Dreliability.timeout.minutes} (30).
 * Unlike the benchmarks, a missed target fails the run.
 */
public final class Scenarios {

    private static final Logger LOG = Logger.getLogger(Scenarios.class.getName());
    static final Path REPORTS = Path.of("target", "reliability");
    private static final Path WORK = REPORTS.resolve("work");

    private static final Map<String, TimeBoxedParts.Part> SCENARIOS = scenarios();

    private static Map<String, TimeBoxedParts.Part> scenarios() {
        Map<String, TimeBoxedParts.Part> scenarios = new LinkedHashMap<>();
        scenarios.put("outage", OutageScenario::run);
        scenarios.put("crash", CrashScenario::run);
        scenarios.put("slow", SlowClientsScenario::run);
        return scenarios;
    }

    public static void main(String[] args) throws Exception {
        boolean allMet = TimeBoxedParts.run(
                "scenario", SCENARIOS, args, WORK, Integer.getInteger("reliability.timeout.minutes", 30));
        LOG.info(allMet ? "Every target was met" : "Some targets were missed: see target/reliability/*.md");
        System.exit(allMet ? 0 : 1);
    }

    /** A thread in the demo's first public category, opened with {@code token}; answers its id. */
    public static long thread(Portal portal, String token, String title) {
        long category = portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals("PUBLIC") && !c.getBoolean("chathamHouseDefault"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        Portal.Answer created = portal.send(portal.request("/api/threads")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("title", title)
                        .add("body", "Opened by the reliability scenarios.")
                        .add("categoryId", category)
                        .build()
                        .toString())));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not open a thread: " + created);
        }
        return created.json().getJsonNumber("id").longValue();
    }

    /** How many requests of each kind got each status. */
    public static Map<String, Object> summary(List<MixedLoad.Exchange> exchanges) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", exchanges.size());
        Map<String, Integer> byStatus = new TreeMap<>();
        exchanges.forEach(
                e -> byStatus.merge(e.kind() + " " + (e.status() == 0 ? "no answer" : e.status()), 1, Integer::sum));
        figures.putAll(byStatus);
        return figures;
    }

    static boolean finish(BenchReport report) throws IOException {
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    private Scenarios() {}
}
