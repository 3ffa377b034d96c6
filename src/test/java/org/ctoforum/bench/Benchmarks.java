package org.ctoforum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The benchmark command: {@code ./mvnw -Pbench verify [-Dbench.parts=search,pages,downloads,start,scale]}. Each part starts its own packaged
 * portal, writes {@code target/bench/<part>.json} and {@code .md}, and stops it again. The whole run ends by itself
 * after {@code -Dbench.timeout.minutes} (90 by default); the portals stop with it.
 */
public final class Benchmarks {

    private static final Logger LOG = Logger.getLogger(Benchmarks.class.getName());
    private static final Path WORK = Path.of("target", "bench", "work");

    @FunctionalInterface
    private interface Part {
        /** Runs the part in its own folder under {@code work}; true when every target was met. */
        boolean run(Path work) throws Exception;
    }

    private static final Map<String, Part> PARTS = parts();

    private static Map<String, Part> parts() {
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("search", SearchBenchmark::run);
        parts.put("pages", PageLoadBenchmark::run);
        parts.put("downloads", DownloadBenchmark::run);
        parts.put("start", StartBenchmark::run);
        parts.put("scale", ScaleBenchmark::run);
        return parts;
    }

    public static void main(String[] args) throws Exception {
        List<String> asked = args.length == 0 || args[0].isBlank() || args[0].equals("all")
                ? List.copyOf(PARTS.keySet())
                : List.of(args[0].split(","));
        for (String name : asked) {
            if (!PARTS.containsKey(name.strip())) {
                System.err.println("No benchmark part '" + name + "'; the parts are " + PARTS.keySet());
                System.exit(2);
            }
        }
        stopAfter(Integer.getInteger("bench.timeout.minutes", 90));
        boolean allMet = true;
        for (String name : asked) {
            LOG.info(() -> "Benchmark part " + name.strip());
            allMet &= PARTS.get(name.strip()).run(WORK);
        }
        LOG.info(allMet ? "Every target was met" : "Some targets were missed: see target/bench/*.md");
        // Missed targets are findings to report, not a failed run.
        System.exit(0);
    }

    /** Exits, and so stops every portal through its shutdown hook, if the run hangs. */
    private static void stopAfter(int minutes) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        TimeUnit.MINUTES.sleep(minutes);
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("The benchmark ran longer than " + minutes + " minutes; stopping it");
                    System.exit(3);
                },
                "benchmark-timeout");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Benchmarks() {}
}
