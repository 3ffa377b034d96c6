package org.ctoforum.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * The benchmark command: {@code ./mvnw -Pbench verify [-Dbench.parts=search,pages,downloads,start,scale,surveys]
 * [-Dbench.runs=3]}. Each part starts its own packaged portal, writes {@code target/bench/<part>.json} and {@code .md},
 * and stops it again; with {@code bench.runs}, each part runs that many times and the report holds the medians (see
 * {@link RepeatedRuns}). The whole run ends by itself after {@code -Dbench.timeout.minutes} (90 by default) for each
 * run; the portals stop with it.
 */
public final class Benchmarks {

    private static final Logger LOG = Logger.getLogger(Benchmarks.class.getName());
    private static final Path WORK = Path.of("target", "bench", "work");

    private static final Map<String, TimeBoxedParts.Part> PARTS = parts();

    private static Map<String, TimeBoxedParts.Part> parts() {
        Map<String, TimeBoxedParts.Part> parts = new LinkedHashMap<>();
        parts.put("search", SearchBenchmark::run);
        parts.put("pages", PageLoadBenchmark::run);
        parts.put("downloads", DownloadBenchmark::run);
        parts.put("start", StartBenchmark::run);
        parts.put("scale", ScaleBenchmark::run);
        parts.put("surveys", SurveyBenchmark::run);
        return parts;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 1);
        Map<String, TimeBoxedParts.Part> repeated = new LinkedHashMap<>();
        PARTS.forEach((name, part) -> repeated.put(name, RepeatedRuns.of(name, part, runs)));
        boolean allMet = TimeBoxedParts.run(
                "benchmark", repeated, args, WORK, runs * Integer.getInteger("bench.timeout.minutes", 90));
        LOG.info(allMet ? "Every target was met" : "Some targets were missed: see target/bench/*.md");
        // Missed targets are findings to report, not a failed run.
        System.exit(0);
    }

    private Benchmarks() {}
}
