package org.ctoforum.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 7's start: from launching the JVM to {@code /health/ready}, on an empty data directory (PostgreSQL's initdb,
 * migrations and the demo content), again on the data the first start left, and on an empty data directory with demo
 * mode off, as a production deployment starts; then the heap in use after a full GC, idle and after a minute of page
 * load.
 */
final class StartBenchmark {

    private static final Logger LOG = Logger.getLogger(StartBenchmark.class.getName());

    private static final int HTTP_PORT = 18_094;
    private static final int DB_PORT = 54_494;
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    static boolean run(Path work) throws Exception {
        return new StartBenchmark().measure(work.resolve("start"));
    }

    private final BenchReport report = new BenchReport("start");

    private boolean measure(Path work) throws Exception {
        int runs = Integer.getInteger("bench.start.runs", 3);
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> production = new ArrayList<>();
        Map<String, Object> heap = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            Path data = work.resolve("data-" + run);
            TimeBoxedParts.deleteTree(data);
            try (PackagedPortal first = PackagedPortal.start(data, HTTP_PORT, DB_PORT, "1g", Duration.ofMinutes(3))) {
                cold.add(first.readyMillis());
            }
            try (PackagedPortal again = PackagedPortal.start(data, HTTP_PORT, DB_PORT, "1g", Duration.ofMinutes(3))) {
                warm.add(again.readyMillis());
                if (run == runs) {
                    Thread.sleep(10_000);
                    heap.put("idle, after a full GC (MB)", heapAfterFullGc(again.pid()));
                    URI list = URI.create(again.baseUrl() + "/discussions/index.xhtml");
                    URI reports = URI.create(again.baseUrl() + "/reports/index.xhtml");
                    FixedRateLoad load = new FixedRateLoad();
                    load.run(list, 50, Duration.ofSeconds(30));
                    load.run(reports, 50, Duration.ofSeconds(30));
                    heap.put("warm, after a minute of pages and a full GC (MB)", heapAfterFullGc(again.pid()));
                }
            }
            Path empty = work.resolve("production-" + run);
            TimeBoxedParts.deleteTree(empty);
            try (PackagedPortal withoutDemo =
                    PackagedPortal.start(empty, HTTP_PORT, DB_PORT, "1g", Duration.ofMinutes(3), "portal.demo=false")) {
                production.add(withoutDemo.readyMillis());
            }
            int done = run;
            LOG.info(() -> "Start " + done + ": cold " + cold.get(done - 1) + " ms, again " + warm.get(done - 1)
                    + " ms, cold without demo content " + production.get(done - 1) + " ms");
        }
        Map<String, Object> starts = new LinkedHashMap<>();
        starts.put("cold, empty data directory (ms)", Map.of("runs", cold, "median", median(cold)));
        starts.put("again, on existing data (ms)", Map.of("runs", warm, "median", median(warm)));
        starts.put(
                "cold, demo mode off: no demo content (ms)", Map.of("runs", production, "median", median(production)));
        report.section("start to ready", starts);
        report.section("heap in use", heap);
        report.target(
                "cold start to ready ≤ 15 s",
                String.format("median %.1f s", median(cold) / 1000.0),
                median(cold) <= 15_000);
        report.target(
                "cold start to ready without demo content ≤ 15 s",
                String.format("median %.1f s", median(production) / 1000.0),
                median(production) <= 15_000);
        report.target(
                "start on existing data ≤ 15 s",
                String.format("median %.1f s", median(warm) / 1000.0),
                median(warm) <= 15_000);
        long warmHeap = (Long) heap.get("warm, after a minute of pages and a full GC (MB)");
        report.target("heap after a full GC, warm, ≤ 150 MB", warmHeap + " MB", warmHeap <= 150);
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    /** Heap in use in MB after {@code jcmd GC.run}, read from {@code GC.heap_info}. */
    private static long heapAfterFullGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in jcmd's answer:\n" + info);
        }
        return Long.parseLong(used.group(1)) / 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
