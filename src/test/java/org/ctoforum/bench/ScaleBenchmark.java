package org.ctoforum.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.logging.Logger;

/**
 * Issue 7's scale part: a million posts in 20,000 threads, COPY-loaded, then the full reindex, the thread list and
 * thread pages at a fixed rate, the search comparison of issue 6 over that index, and post-to-searchable while pages
 * are being served.
 */
final class ScaleBenchmark {

    private static final Logger LOG = Logger.getLogger(ScaleBenchmark.class.getName());

    private static final int HTTP_PORT = 18_096;
    private static final int DB_PORT = 54_496;
    private static final int SAMPLED_THREADS = 2_000;
    private static final double P95_LIMIT_MS = 50;
    private static final double SEARCH_P95_LIMIT_MS = 20;

    /** What a run may be given with {@code -Dbench.scale.*}. */
    record Settings(double rate, Duration duration, Duration warmup, double loadRate) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.scale.rate", 50),
                    Duration.ofSeconds(Integer.getInteger("bench.scale.seconds", 60)),
                    Duration.ofSeconds(Integer.getInteger("bench.scale.warmup", 20)),
                    Integer.getInteger("bench.scale.load-rate", 100));
        }
    }

    private final Settings settings;
    private final BenchReport report = new BenchReport("scale");
    private final FixedRateLoad load = new FixedRateLoad();

    private ScaleBenchmark(Settings settings) {
        this.settings = settings;
    }

    static boolean run(Path work) throws Exception {
        return new ScaleBenchmark(Settings.fromSystemProperties()).measure(work.resolve("scale"));
    }

    private boolean measure(Path work) throws Exception {
        SearchBenchmark search = new SearchBenchmark(searchSettings(), report);
        try (PackagedPortal running = search.start(work, HTTP_PORT, DB_PORT)) {
            SearchBenchmark.Loaded loaded = search.load(running);
            awaitIdle(running.pid());
            List<Long> threads = sampleThreads(running, loaded.benchCategory());
            String base = running.baseUrl();
            LongFunction<URI> threadPages =
                    i -> URI.create(base + "/discussions/thread.xhtml?id=" + threads.get((int) (i % threads.size())));
            // The whole list and the corpus' category in turn: two different index paths.
            LongFunction<URI> threadList = i -> URI.create(
                    base + "/discussions/index.xhtml" + (i % 2 == 0 ? "" : "?category=" + loaded.benchCategory()));
            pages(threadPages, threadList);
            double searchP95 = search.compare(loaded).p(95);
            report.target(
                    "GET /api/search: p95 ≤ 20 ms",
                    String.format("p95 %.1f ms", searchP95),
                    searchP95 <= SEARCH_P95_LIMIT_MS);
            freshnessUnderLoad(search, loaded, threadPages, threadList);
        }
        return search.finish();
    }

    /**
     * After a million-document rebuild, Lucene merges segments in the background for a while: the measurements
     * start once the portal uses less than a tenth of a core, or after two minutes.
     */
    private void awaitIdle(long pid) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(2).toNanos();
        long before = cpuTicks(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            long now = cpuTicks(pid);
            // Linux counts CPU time in ticks of 1/100 s: 2 s of one busy core is 200.
            boolean idle = now - before < 20;
            before = now;
            if (idle) {
                break;
            }
        }
        long waited = (System.nanoTime() - started) / 1_000_000_000;
        LOG.info(() -> "The portal settled after " + waited + " s");
        report.section("settling after the rebuild", Map.of("seconds", waited));
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command name.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static SearchBenchmark.Settings searchSettings() {
        return new SearchBenchmark.Settings(
                Integer.getInteger("bench.scale.documents", 1_000_000),
                Integer.getInteger("bench.scale.threads", 20_000),
                Integer.getInteger("bench.scale.search-rounds", 20),
                Integer.getInteger("bench.search.warmup", 10),
                Integer.getInteger("bench.search.freshness", 100),
                Duration.ofMinutes(Integer.getInteger("bench.scale.rebuild-minutes", 30)));
    }

    /** Random threads of the corpus, and how their sizes spread, so the report says what a "thread page" was. */
    private List<Long> sampleThreads(PackagedPortal running, long category) throws SQLException {
        List<Long> ids = new ArrayList<>();
        Map<String, Object> sizes = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(running.jdbcUrl())) {
            try (PreparedStatement query = db.prepareStatement(
                    "select id from discussion_thread where category_id = ? order by random() limit ?")) {
                query.setLong(1, category);
                query.setInt(2, SAMPLED_THREADS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("select count(*), sum(post_count),"
                    + " percentile_cont(0.5) within group (order by post_count),"
                    + " percentile_cont(0.99) within group (order by post_count), max(post_count)"
                    + " from discussion_thread where category_id = ?")) {
                query.setLong(1, category);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    sizes.put("threads", row.getLong(1));
                    sizes.put("posts", row.getLong(2));
                    sizes.put("posts_per_thread_median", row.getDouble(3));
                    sizes.put("posts_per_thread_p99", row.getDouble(4));
                    sizes.put("posts_per_thread_max", row.getLong(5));
                }
            }
        }
        sizes.put("thread_pages_sampled", ids.size());
        report.section("database", sizes);
        return ids;
    }

    private void pages(LongFunction<URI> threadPages, LongFunction<URI> threadList) throws InterruptedException {
        load.run(threadPages, settings.rate(), settings.warmup());
        load.run(threadList, settings.rate(), settings.warmup());
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, FixedRateLoad.Result> results = new LinkedHashMap<>();
        results.put("thread page, random threads", load.run(threadPages, settings.rate(), settings.duration()));
        results.put("thread list", load.run(threadList, settings.rate(), settings.duration()));
        results.forEach((name, result) -> {
            figures.put(name, result.toMap());
            double p95 = result.latencies().p(95);
            report.target(
                    name + ": p95 ≤ 50 ms at " + (long) settings.rate() + "/s",
                    String.format("p95 %.1f ms, %d errors", p95, result.errors()),
                    p95 <= P95_LIMIT_MS && result.errors() == 0);
        });
        report.section("pages at " + (long) settings.rate() + " requests a second (ms)", figures);
    }

    /**
     * Issue 6's post-to-searchable probe while thread pages and the list are requested at {@code loadRate}, half
     * each; the load runs a little longer than the probe is expected to take.
     */
    private void freshnessUnderLoad(
            SearchBenchmark search,
            SearchBenchmark.Loaded loaded,
            LongFunction<URI> threadPages,
            LongFunction<URI> threadList)
            throws Exception {
        LongFunction<URI> mixed = i -> i % 2 == 0 ? threadPages.apply(i / 2) : threadList.apply(i / 2);
        Duration loadTime = settings.duration().plus(settings.warmup());
        LOG.info(() -> "Post to searchable under " + (long) settings.loadRate() + " page requests a second");
        CompletableFuture<FixedRateLoad.Result> background = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run(mixed, settings.loadRate(), loadTime);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();
        search.freshness(loaded);
        long probeSeconds = (System.nanoTime() - started) / 1_000_000_000;
        FixedRateLoad.Result pages = background.get();
        Map<String, Object> figures = new LinkedHashMap<>(pages.toMap());
        figures.put("probe_seconds", probeSeconds);
        figures.put("probe_ended_within_load", probeSeconds <= loadTime.toSeconds());
        report.section("page load during the post-to-searchable probe (ms)", figures);
    }
}
