package org.ctoforum.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.search.control.AccessAwareSearch;
import org.ctoforum.search.control.SearchAnalysis;
import org.ctoforum.search.control.SearchIndex;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 6's side-by-side run: one query set against the packaged portal's {@code /api/search} and against a bare
 * Lucene harness over the very index folder the portal serves from, in one run, plus the time from a post's
 * answer to its first search hit.
 *
 * <p>A third column, "engine", runs the portal's own search code in this JVM over the same folder, so the report can
 * tell Lucene's cost, the access rules and highlighting, and HTTP apart.
 */
final class SearchBenchmark {

    private static final Logger LOG = Logger.getLogger(SearchBenchmark.class.getName());

    private static final int HTTP_PORT = 18_090;
    private static final int DB_PORT = 54_490;
    private static final int PAGE_SIZE = 10;
    private static final Duration FRESHNESS_DEADLINE = Duration.ofSeconds(5);
    private static final String BLOCKING_CLIENT = "portal, blocking client";

    /** One query of the set; {@code kind} groups the figures. */
    record Query(String kind, String text, Map<String, List<String>> filters) {
        Query(String kind, String text) {
            this(kind, text, Map.of());
        }
    }

    /** Terms, AND, OR, NOT, phrases with and without stop words, fields, fuzzy and typos, and facet filters. */
    static final List<Query> QUERIES = List.of(
            new Query("term", "commission"),
            new Query("term", "kosovo"),
            new Query("term", "budget"),
            new Query("term", "Kommission"),
            new Query("term", "parlamento"),
            new Query("and", "commission AND budget"),
            new Query("and", "human rights kosovo"),
            new Query("or", "fisheries OR agriculture"),
            new Query("or", "kosovo OR serbia OR albania"),
            new Query("not", "budget NOT agriculture"),
            new Query("phrase", "\"human rights\""),
            new Query("phrase", "\"european parliament\""),
            new Query("stop-word phrase", "\"the european union\""),
            new Query("stop-word phrase", "\"rule of law\""),
            new Query("stop-word phrase", "\"in the interest of\""),
            new Query("field", "title:kosovo"),
            new Query("fuzzy", "parliment~"),
            new Query("fuzzy", "comission~1"),
            new Query("typo", "fisherys polcy"),
            new Query("typo", "kosvo"),
            new Query("facet", "commission", Map.of("year", List.of("2024"))),
            new Query("facet", "budget", Map.of("type", List.of("post"))),
            new Query("facet", "europe", Map.of("type", List.of("thread"), "year", List.of("2023", "2025"))));

    private final Settings settings;
    private final BenchReport report;

    /** What a run may be given with {@code -Dbench.search.*} (or {@code -Dbench.scale.*} for the scale part). */
    record Settings(
            int documents, int threads, int rounds, int warmupRounds, int freshnessSamples, Duration rebuildTimeout) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.search.documents", 120_000),
                    // One thread per corpus line.
                    Integer.getInteger("bench.search.threads", Integer.MAX_VALUE),
                    Integer.getInteger("bench.search.rounds", 40),
                    Integer.getInteger("bench.search.warmup", 10),
                    Integer.getInteger("bench.search.freshness", 100),
                    Duration.ofMinutes(10));
        }
    }

    /** The portal once loaded and rebuilt, with what the measurements need from it. */
    record Loaded(
            PackagedPortal running,
            Portal portal,
            String member,
            long memberId,
            long benchCategory,
            List<String> synonyms,
            Path indexFolder) {}

    SearchBenchmark(Settings settings, BenchReport report) {
        this.settings = settings;
        this.report = report;
    }

    static boolean run(Path work) throws Exception {
        SearchBenchmark benchmark = new SearchBenchmark(Settings.fromSystemProperties(), new BenchReport("search"));
        try (PackagedPortal running = benchmark.start(work.resolve("search"), HTTP_PORT, DB_PORT)) {
            Loaded loaded = benchmark.load(running);
            benchmark.compare(loaded);
            benchmark.freshness(loaded);
        }
        return benchmark.finish();
    }

    /** A fresh packaged portal in {@code work}. */
    PackagedPortal start(Path work, int httpPort, int dbPort) throws Exception {
        TimeBoxedParts.deleteTree(work);
        report.section(
                "settings",
                Map.of(
                        "documents_asked", settings.documents(),
                        "threads_asked", settings.threads() == Integer.MAX_VALUE ? "one per line" : settings.threads(),
                        "rounds", settings.rounds(),
                        "warmup_rounds", settings.warmupRounds(),
                        "queries", QUERIES.size(),
                        "freshness_samples", settings.freshnessSamples()));
        PackagedPortal running = PackagedPortal.start(
                work.resolve("data"),
                httpPort,
                dbPort,
                "1g",
                Duration.ofMinutes(3),
                // The freshness probe posts, and the comparison searches, faster than a person may.
                "portal.discussions.posts-per-minute=100000",
                "portal.discussions.posts-per-minute-per-address=100000",
                "portal.limits.searches-per-minute=100000000",
                "portal.limits.searches-per-minute-per-address=100000000");
        LOG.info(() -> "Portal ready in " + running.readyMillis() + " ms");
        return running;
    }

    /** COPY-loads the corpus and has the portal rebuild its index from it. */
    Loaded load(PackagedPortal running) throws Exception {
        Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
        String staff = token(portal, "staff@demo.local", running.demoPassword());
        String member = token(portal, "member@demo.local", running.demoPassword());
        Loaded loaded;
        try (Connection db = DriverManager.getConnection(running.jdbcUrl())) {
            copyCorpus(db);
            loaded = new Loaded(
                    running,
                    portal,
                    member,
                    number(db, "select id from account where email = 'member@demo.local'"),
                    number(db, "select id from discussion_category where slug = 'bench'"),
                    strings(db, "select terms from search_synonym order by id"),
                    running.dataDir().resolve("search"));
        }
        rebuild(portal, staff);
        return loaded;
    }

    /** Writes the report; true when every target was met. */
    boolean finish() throws IOException {
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    private void copyCorpus(Connection db) throws SQLException {
        List<EuroparlCorpus.Line> lines = EuroparlCorpus.read();
        int threads = settings.threads() == Integer.MAX_VALUE ? lines.size() : settings.threads();
        BulkDiscussions.Loaded loaded = BulkDiscussions.load(db, lines, threads, settings.documents(), 42);
        long vacuumStarted = System.nanoTime();
        BulkDiscussions.vacuum(db);
        long vacuumMillis = (System.nanoTime() - vacuumStarted) / 1_000_000;
        LOG.info(() -> "Loaded " + loaded.posts() + " posts in " + loaded.threads() + " threads in " + loaded.millis()
                + " ms");
        report.section(
                "corpus",
                Map.of(
                        "europarl_lines", lines.size(),
                        "threads", loaded.threads(),
                        "replies", loaded.replies(),
                        "load_ms", loaded.millis(),
                        "vacuum_ms", vacuumMillis));
    }

    /** Asks the portal for a full rebuild, as staff would, and waits for it. */
    private void rebuild(Portal portal, String staff) throws InterruptedException {
        Portal.Answer asked = portal.send(
                bearer(portal.request("/api/admin/search/reindex"), staff).POST(HttpRequest.BodyPublishers.noBody()));
        require(asked.status() == 202, "reindex", asked);
        long deadline = System.nanoTime() + settings.rebuildTimeout().toNanos();
        JsonObject rebuild;
        do {
            Thread.sleep(1_000);
            Portal.Answer status = portal.send(
                    bearer(portal.request("/api/admin/search"), staff).GET());
            require(status.status() == 200, "search status", status);
            rebuild = status.json().getJsonObject("rebuild");
            JsonObject progress = rebuild;
            LOG.fine(() -> "Rebuild " + progress.getJsonNumber("done") + " of " + progress.getJsonNumber("total"));
        } while (rebuild.getBoolean("running") && System.nanoTime() < deadline);
        require(!rebuild.getBoolean("running") && !rebuild.containsKey("error"), "rebuild", rebuild);
        long documents = rebuild.getJsonNumber("documents").longValue();
        long millis = rebuild.getJsonNumber("millis").longValue();
        LOG.info(() -> "Rebuilt " + documents + " documents in " + millis + " ms");
        report.section(
                "rebuild",
                Map.of(
                        "items",
                        rebuild.getJsonNumber("done").longValue(),
                        "documents",
                        documents,
                        "ms",
                        millis,
                        "documents_per_second",
                        Math.round(documents * 1000.0 / Math.max(1, millis))));
    }

    /**
     * Bare Lucene, the engine in this JVM and {@code /api/search}, over the portal's own index folder; answers the
     * latencies of {@code /api/search}.
     */
    Latencies compare(Loaded loaded) throws IOException {
        Analyzer analyzer = SearchAnalysis.forQueries(loaded.synonyms());
        // The portal's pool: a thread a core, over which searches and facet counts split a large index.
        ExecutorService threads =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (BareLucene bare = new BareLucene(loaded.indexFolder(), analyzer, threads)) {
            return compare(
                    loaded.portal(),
                    loaded.member(),
                    bare,
                    new SearchIndex.Searcher(bare.reader(), threads),
                    analyzer,
                    loaded.memberId());
        } finally {
            threads.shutdown();
        }
    }

    /** Every query through all three paths, interleaved so that each sees the same machine state. */
    private Latencies compare(
            Portal portal,
            String member,
            BareLucene bare,
            SearchIndex.Searcher engineSearcher,
            Analyzer analyzer,
            long memberId)
            throws IOException {
        Map<String, Latencies> overall = new LinkedHashMap<>();
        Map<String, Map<String, Latencies>> byKind = new LinkedHashMap<>();
        for (String path : List.of("bare", "engine", "portal", BLOCKING_CLIENT)) {
            overall.put(path, new Latencies());
            byKind.put(path, new LinkedHashMap<>());
        }
        // The floor under the portal's figure: HTTP and JAX-RS alone, then with the token's sign-in.
        Latencies ping = new Latencies();
        Latencies pingWithToken = new Latencies();
        Map<String, Object> totals = new LinkedHashMap<>();
        List<Query> order = new ArrayList<>(QUERIES);
        Random shuffle = new Random(7);
        for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
            Collections.shuffle(order, shuffle);
            for (Query query : order) {
                long started = System.nanoTime();
                long bareTotal = bare.search(query.text(), query.filters(), PAGE_SIZE);
                long bareNanos = System.nanoTime() - started;

                started = System.nanoTime();
                AccessAwareSearch.Result engine = AccessAwareSearch.search(
                        engineSearcher,
                        analyzer,
                        new AccessAwareSearch.Request(
                                query.text(),
                                query.filters(),
                                false,
                                1,
                                PAGE_SIZE,
                                ReaderKeys.of(memberId, true),
                                false,
                                System.currentTimeMillis()));
                long engineNanos = System.nanoTime() - started;

                started = System.nanoTime();
                Portal.Answer answer = portal.send(
                        bearer(portal.request(searchPath(query)), member).GET());
                long portalNanos = System.nanoTime() - started;
                require(answer.status() == 200, "search " + query.text(), answer);

                started = System.nanoTime();
                int blockingStatus = blockingGet(portal.uri(searchPath(query)), member);
                long blockingNanos = System.nanoTime() - started;
                require(blockingStatus == 200, "search through a blocking client " + query.text(), blockingStatus);

                started = System.nanoTime();
                portal.send(portal.request("/api/ping").GET());
                long pingNanos = System.nanoTime() - started;
                started = System.nanoTime();
                portal.send(bearer(portal.request("/api/ping"), member).GET());
                long pingWithTokenNanos = System.nanoTime() - started;

                if (round < 0) {
                    continue;
                }
                ping.record(pingNanos);
                pingWithToken.record(pingWithTokenNanos);
                record(overall, byKind, query.kind(), "bare", bareNanos);
                record(overall, byKind, query.kind(), "engine", engineNanos);
                record(overall, byKind, query.kind(), "portal", portalNanos);
                record(overall, byKind, query.kind(), BLOCKING_CLIENT, blockingNanos);
                if (round == 0) {
                    totals.put(
                            query.text() + filtersShown(query),
                            Map.of(
                                    "bare", bareTotal,
                                    "engine", engine.total(),
                                    "portal",
                                            answer.json().getJsonNumber("total").longValue()));
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        overall.forEach((path, latencies) -> summary.put(path, latencies.toMap()));
        summary.put("GET /api/ping", ping.toMap());
        summary.put("GET /api/ping with token", pingWithToken.toMap());
        report.section("latency, all queries (ms)", summary);
        byKind.forEach((path, kinds) -> {
            Map<String, Object> section = new LinkedHashMap<>();
            kinds.forEach((kind, latencies) -> section.put(kind, latencies.toMap()));
            report.section("latency by kind, " + path + " (ms)", section);
        });
        report.section("hits per query (bare counts everything; engine and portal what member@ may see)", totals);
        report.section("index", Map.of("documents", bare.documents()));

        double bareP95 = overall.get("bare").p(95);
        double portalP95 = overall.get("portal").p(95);
        report.target(
                "portal p95 ≤ bare p95 + 10 ms",
                String.format("%.2f ≤ %.2f", portalP95, bareP95 + 10),
                portalP95 <= bareP95 + 10);
        report.target("bare p95 ≤ 2 ms", String.format("%.2f ms", bareP95), bareP95 <= 2);
        return overall.get("portal");
    }

    private static void record(
            Map<String, Latencies> overall,
            Map<String, Map<String, Latencies>> byKind,
            String kind,
            String path,
            long nanos) {
        overall.get(path).record(nanos);
        byKind.get(path).computeIfAbsent(kind, unused -> new Latencies()).record(nanos);
    }

    /**
     * Posts threads with a word no other document has, and measures from the POST's answer to the first search
     * that finds it. The search is repeated every few milliseconds, so the figure is at most that much late.
     */
    void freshness(Loaded loaded) throws InterruptedException {
        Portal portal = loaded.portal();
        String member = loaded.member();
        long categoryId = loaded.benchCategory();
        Latencies visible = new Latencies();
        Random random = new Random(11);
        int missed = 0;
        for (int sample = 0; sample < settings.freshnessSamples(); sample++) {
            String word = "probe" + randomLetters(random, 10);
            String body = Json.createObjectBuilder()
                    .add("title", "Freshness probe " + sample)
                    .add("body", "Searchable within a second: " + word + ".")
                    .add("categoryId", categoryId)
                    .build()
                    .toString();
            Portal.Answer created = portal.send(bearer(portal.request("/api/threads"), member)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            require(created.status() == 201, "new thread", created);
            long answered = System.nanoTime();
            long deadline = answered + FRESHNESS_DEADLINE.toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                Portal.Answer hits = portal.send(
                        bearer(portal.request("/api/search?q=" + word), member).GET());
                found = hits.status() == 200
                        && hits.json().getJsonNumber("total").longValue() > 0;
                if (!found) {
                    Thread.sleep(5);
                }
            }
            if (found) {
                visible.record(System.nanoTime() - answered);
            } else {
                missed++;
            }
        }
        report.section("post to searchable (ms)", Map.of("new thread", visible.toMap()));
        report.section("post to searchable, misses", Map.of("not found within 5 s", missed));
        double p99 = visible.p(99);
        report.target(
                "post-to-searchable p99 ≤ 1 s",
                String.format("%.0f ms, %d missed", p99, missed),
                p99 <= 1_000 && missed == 0);
    }

    private static String searchPath(Query query) {
        StringBuilder path = new StringBuilder("/api/search?size=" + PAGE_SIZE + "&q=")
                .append(URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
        query.filters()
                .forEach((dimension, values) -> values.forEach(value -> path.append('&')
                        .append(dimension)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return path.toString();
    }

    private static String filtersShown(Query query) {
        return query.filters().isEmpty() ? "" : " " + query.filters();
    }

    private static String token(Portal portal, String email, String password) {
        Portal.Answer created = portal.postJson("/api/me/tokens", "{\"name\": \"search benchmark\"}", email, password);
        require(created.status() == 201 || created.status() == 200, "token for " + email, created);
        return created.json().getString("token");
    }

    /**
     * The portal's search through a blocking client ({@code HttpURLConnection}, kept alive), beside Java's
     * {@code HttpClient}, which hands each exchange between its own threads: on two cores shared with the portal,
     * that is part of what the portal's figure measures.
     */
    private static int blockingGet(URI uri, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        // Read to the end, so that the connection is kept for the next request.
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static long number(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            require(row.next(), sql, "no row");
            return row.getLong(1);
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String randomLetters(Random random, int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static void require(boolean condition, String what, Object answer) {
        if (!condition) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
    }
}
