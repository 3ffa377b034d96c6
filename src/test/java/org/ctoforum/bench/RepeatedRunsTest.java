package org.ctoforum.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedRunsTest {

    @TempDir
    Path folder;

    @Test
    void numbersBecomeMediansAndTargetsListEveryRun() throws IOException {
        List<Path> runs = new ArrayList<>();
        double[][] figures = {{30, 12}, {10, 14}, {20, 90}};
        for (int run = 0; run < figures.length; run++) {
            Path dir = folder.resolve("run-" + run);
            new BenchReport(dir, "part")
                    .section("latency", Map.of("search", Map.of("p95_ms", figures[run][0], "p99_ms", figures[run][1])))
                    .section("settings", Map.of("corpus", "europarl", "runs", 1))
                    .target("p95 ≤ 25 ms", "p95 " + figures[run][0] + " ms", figures[run][0] <= 25)
                    .write();
            runs.add(dir.resolve("part.json"));
        }

        BenchReport median = RepeatedRuns.medians("part", runs, folder);
        Path written = median.write();

        String json = Files.readString(written);
        assertTrue(json.contains("\"p95_ms\": 20.0"), json);
        assertTrue(json.contains("\"p99_ms\": 14.0"), json);
        assertTrue(json.contains("\"corpus\": \"europarl\""), json);
        assertTrue(json.contains("\"runs\": 1,") || json.contains("\"runs\": 1\n"), "a count stays a count: " + json);
        assertTrue(json.contains("p95 30.0 ms · p95 10.0 ms · p95 20.0 ms (met in 2 of 3)"), json);
        assertTrue(median.allMet(), "met in most runs");
        assertTrue(Files.readString(folder.resolve("part.md")).contains("latency (median of 3 runs)"));
        assertFalse(Files.readString(folder.resolve("run-0").resolve("part.md")).contains("median"));
    }
}
