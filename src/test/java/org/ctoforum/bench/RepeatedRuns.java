package org.ctoforum.bench;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * A benchmark part run several times, each run writing to {@code target/bench/run-N/}, and then one report of the
 * medians in {@code target/bench/}: every number is the median of its runs, every target lists each run's result and
 * counts as met when most runs met it. One run on a shared 2-core machine can be off by a fair margin; the median of
 * three is what the README quotes.
 */
final class RepeatedRuns {

    private RepeatedRuns() {}

    static TimeBoxedParts.Part of(String name, TimeBoxedParts.Part part, int runs) {
        if (runs == 1) {
            return part;
        }
        return work -> {
            List<Path> reports = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path folder = BenchReport.DIRECTORY.resolve("run-" + run);
                System.setProperty(BenchReport.OUTPUT_PROPERTY, folder.toString());
                try {
                    part.run(work);
                } finally {
                    System.clearProperty(BenchReport.OUTPUT_PROPERTY);
                }
                reports.add(folder.resolve(name + ".json"));
            }
            BenchReport median = medians(name, reports, BenchReport.DIRECTORY);
            median.write();
            return median.allMet();
        };
    }

    /** The report of the medians of {@code reports}, to be written to {@code directory}. */
    static BenchReport medians(String name, List<Path> reports, Path directory) throws IOException {
        List<JsonObject> runs = new ArrayList<>();
        for (Path report : reports) {
            try (Reader in = Files.newBufferedReader(report);
                    JsonReader json = Json.createReader(in)) {
                runs.add(json.readObject());
            }
        }
        BenchReport median = new BenchReport(directory, name);
        JsonObject first = runs.get(0);
        for (String section : first.getJsonObject("sections").keySet()) {
            List<JsonValue> values = runs.stream()
                    .map(run -> run.getJsonObject("sections").get(section))
                    .toList();
            median.section(section + " (median of " + runs.size() + " runs)", asMap(combined(values)));
        }
        for (int i = 0; i < first.getJsonArray("targets").size(); i++) {
            int index = i;
            List<JsonObject> results = runs.stream()
                    .map(run -> run.getJsonArray("targets").getJsonObject(index))
                    .toList();
            long met =
                    results.stream().filter(result -> result.getBoolean("met")).count();
            median.target(
                    results.get(0).getString("name"),
                    results.stream().map(result -> result.getString("target")).collect(Collectors.joining(" · "))
                            + " (met in " + met + " of " + runs.size() + ")",
                    met * 2 > runs.size());
        }
        return median;
    }

    /** Numbers become their median; objects are combined key by key; anything else is kept if all runs agree. */
    private static Object combined(List<JsonValue> values) {
        JsonValue first = values.get(0);
        if (values.stream().allMatch(JsonNumber.class::isInstance)) {
            double[] sorted = values.stream()
                    .mapToDouble(value -> ((JsonNumber) value).doubleValue())
                    .sorted()
                    .toArray();
            double median = sorted.length % 2 == 1
                    ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            if (values.stream().allMatch(value -> ((JsonNumber) value).isIntegral()) && median == Math.rint(median)) {
                return (long) median; // counts stay counts
            }
            return Math.round(median * 1000) / 1000.0;
        }
        if (values.stream().allMatch(value -> value instanceof JsonObject)) {
            Map<String, Object> combined = new LinkedHashMap<>();
            for (String key : first.asJsonObject().keySet()) {
                List<JsonValue> each = values.stream()
                        .map(value -> value.asJsonObject().getOrDefault(key, JsonValue.NULL))
                        .toList();
                combined.put(key, combined(each));
            }
            return combined;
        }
        List<String> texts = values.stream().map(RepeatedRuns::text).distinct().toList();
        return texts.size() == 1 ? texts.get(0) : String.join(" · ", texts);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object combined) {
        return combined instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", combined);
    }
}
