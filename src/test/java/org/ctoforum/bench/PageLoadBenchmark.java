package org.ctoforum.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 7's load at a fixed arrival rate: the page of a 50-post thread and the thread list, 200 requests a second
 * for 60 s each, beside {@code /api/ping} on the same server, then the highest rate each page keeps its p99 within
 * 150 ms.
 */
final class PageLoadBenchmark {

    private static final Logger LOG = Logger.getLogger(PageLoadBenchmark.class.getName());

    private static final int HTTP_PORT = 18_091;
    private static final int DB_PORT = 54_491;
    private static final int POSTS = 50;
    private static final Duration P99_LIMIT = Duration.ofMillis(150);

    /** The pages with a target and a capacity; the others are there to compare with. */
    private static final String[] PAGES = {"thread page, 50 posts", "thread list", "home page"};

    /** What a run may be given with {@code -Dbench.pages.*}. */
    record Settings(double rate, Duration duration, Duration warmup, Duration capacityStep) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.pages.rate", 200),
                    Duration.ofSeconds(Integer.getInteger("bench.pages.seconds", 60)),
                    Duration.ofSeconds(Integer.getInteger("bench.pages.warmup", 20)),
                    Duration.ofSeconds(Integer.getInteger("bench.pages.step", 15)));
        }
    }

    private final Settings settings;
    private final BenchReport report = new BenchReport("pages");
    private final FixedRateLoad load = new FixedRateLoad();

    private PageLoadBenchmark(Settings settings) {
        this.settings = settings;
    }

    static boolean run(Path work) throws Exception {
        return new PageLoadBenchmark(Settings.fromSystemProperties()).measure(work.resolve("pages"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        try (PackagedPortal running = PackagedPortal.start(
                work.resolve("data"),
                HTTP_PORT,
                DB_PORT,
                "1g",
                Duration.ofMinutes(3),
                "portal.discussions.posts-per-minute=1000",
                "portal.discussions.posts-per-minute-per-address=100000")) {
            Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
            long thread = fiftyPostThread(portal, running.demoPassword());
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put("GET /api/ping (floor)", URI.create(running.baseUrl() + "/api/ping"));
            targets.put(
                    "thread page, 50 posts", URI.create(running.baseUrl() + "/discussions/thread.xhtml?id=" + thread));
            targets.put("thread list", URI.create(running.baseUrl() + "/discussions/index.xhtml"));
            targets.put("home page", URI.create(running.baseUrl() + "/"));
            targets.put("GET /api/threads/{id}, 50 posts", URI.create(running.baseUrl() + "/api/threads/" + thread));

            for (URI uri : targets.values()) {
                load.run(uri, settings.rate() / 2, settings.warmup());
            }
            Map<String, Object> atRate = new LinkedHashMap<>();
            Map<String, FixedRateLoad.Result> results = new LinkedHashMap<>();
            for (Map.Entry<String, URI> target : targets.entrySet()) {
                LOG.info(() -> target.getKey() + " at " + settings.rate() + "/s for " + settings.duration());
                FixedRateLoad.Result result = load.run(target.getValue(), settings.rate(), settings.duration());
                results.put(target.getKey(), result);
                atRate.put(target.getKey(), result.toMap());
            }
            report.section("at " + (long) settings.rate() + " requests a second (ms)", atRate);

            double floor = results.get("GET /api/ping (floor)").latencies().p(50);
            Map<String, Object> ratios = new LinkedHashMap<>();
            results.forEach((name, result) ->
                    ratios.put(name, Math.round(result.latencies().p(50) / floor * 10) / 10.0));
            report.section("p50 as a multiple of GET /api/ping's", ratios);

            for (String page : PAGES) {
                FixedRateLoad.Result result = results.get(page);
                report.target(
                        page + ": p99 ≤ 150 ms, 0 errors at " + (long) settings.rate() + "/s",
                        String.format(
                                "p99 %.1f ms, %d errors", result.latencies().p(99), result.errors()),
                        result.latencies().p(99) <= P99_LIMIT.toMillis() && result.errors() == 0);
            }
            Map<String, Object> capacity = new LinkedHashMap<>();
            for (String page : PAGES) {
                LOG.info(() -> "Capacity of " + page);
                capacity.put(
                        page,
                        // From an eighth of the target rate up, so a page that misses the target still gets a figure.
                        load.capacity(targets.get(page), settings.rate() / 8, 1.5, settings.capacityStep(), P99_LIMIT));
            }
            report.section("capacity: highest rate with p99 ≤ 150 ms and no errors", capacity);
        }
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    /** A thread in a public category with 49 replies, posted through the API as a member would. */
    private static long fiftyPostThread(Portal portal, String password) {
        String token = portal.postJson(
                        "/api/me/tokens", "{\"name\": \"page benchmark\"}", "member@demo.local", password)
                .json()
                .getString("token");
        long category = portal.get("/api/categories").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("visibility").equals("PUBLIC") && !c.getBoolean("chathamHouseDefault"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo has no public category"))
                .getJsonNumber("id")
                .longValue();
        Portal.Answer thread = send(
                portal,
                token,
                "/api/threads",
                Json.createObjectBuilder()
                        .add("title", "Fifty posts on device refresh cycles")
                        .add("body", "How long do your **student devices** last before the refresh?")
                        .add("categoryId", category)
                        .build());
        long id = thread.json().getJsonNumber("id").longValue();
        for (int post = 2; post <= POSTS; post++) {
            send(
                    portal,
                    token,
                    "/api/threads/" + id + "/posts",
                    Json.createObjectBuilder()
                            .add(
                                    "body",
                                    "Reply " + post + ": we moved to a *four-year* cycle and keep 5% spares;"
                                            + " repairs run through the student help desk.")
                            .build());
        }
        return id;
    }

    private static Portal.Answer send(Portal portal, String token, String path, JsonObject body) {
        Portal.Answer answer = portal.send(portal.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (answer.status() != 201) {
            throw new IllegalStateException(path + " answered " + answer);
        }
        return answer;
    }
}
