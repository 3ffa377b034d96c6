package org.ctoforum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A benchmark run's figures and targets, written as JSON for tools and as Markdown for people, with the machine they
 * were measured on, since figures mean little without it.
 */
public final class BenchReport {

    /** Where reports go unless a caller names a folder; a repeated benchmark points it at each run's own. */
    static final String OUTPUT_PROPERTY = "bench.output";

    static final Path DIRECTORY = Path.of("target", "bench");

    private final Path directory;
    private final String name;
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();

    private record Target(String name, String target, boolean met) {}

    /** {@code name} becomes the file names: {@code target/bench/<name>.json} and {@code .md}. */
    public BenchReport(String name) {
        this(Path.of(System.getProperty(OUTPUT_PROPERTY, DIRECTORY.toString())), name);
    }

    /** A report written to {@code directory} instead, e.g. the reliability scenarios' {@code target/reliability}. */
    public BenchReport(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /**
     * Adds (or replaces) a section. Values may be numbers, booleans, strings, lists, or maps such as
     * {@link Latencies#toMap()}; a section whose values are all maps is shown as one table row per entry.
     */
    public BenchReport section(String name, Map<String, Object> figures) {
        sections.put(name, new LinkedHashMap<>(figures));
        return this;
    }

    /** A goal the run is judged by, e.g. {@code target("search p95", "< 200 ms", p95 < 200)}. */
    public BenchReport target(String name, String target, boolean met) {
        targets.add(new Target(name, target, met));
        return this;
    }

    /** True when every target was met (and when there are none). */
    public boolean allMet() {
        return targets.stream().allMatch(Target::met);
    }

    /** Writes both files and returns the JSON one. */
    public Path write() throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> machine = machine();
        Path json = directory.resolve(name + ".json");
        Files.writeString(json, json(machine) + "\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(name + ".md"), markdown(machine), StandardCharsets.UTF_8);
        return json;
    }

    private String json(Map<String, Object> machine) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("name", name);
        report.put("machine", machine);
        report.put("sections", sections);
        report.put("targets", targets.stream().map(BenchReport::targetFigures).toList());
        return Json.write(report);
    }

    private static Map<String, Object> targetFigures(Target target) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("name", target.name());
        figures.put("target", target.target());
        figures.put("met", target.met());
        return figures;
    }

    private String markdown(Map<String, Object> machine) {
        StringBuilder md = new StringBuilder("# ").append(name).append("\n\n");
        machine.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        if (!targets.isEmpty()) {
            md.append("\n## Targets\n\n| target | goal | result |\n| --- | --- | --- |\n");
            for (Target target : targets) {
                md.append(tableRow(List.of(target.name(), target.target(), target.met() ? "met" : "**MISSED**")));
            }
        }
        sections.forEach((section, figures) ->
                md.append("\n## ").append(section).append("\n\n").append(table(figures)));
        return md.toString();
    }

    private static String table(Map<String, Object> figures) {
        boolean allMaps = !figures.isEmpty() && figures.values().stream().allMatch(Map.class::isInstance);
        if (!allMaps) {
            StringBuilder table = new StringBuilder("| figure | value |\n| --- | --- |\n");
            figures.forEach((figure, value) -> table.append(tableRow(List.of(figure, cell(value)))));
            return table.toString();
        }
        // e.g. one Latencies map per scenario: one row per scenario, one column per figure.
        Set<String> columns = new LinkedHashSet<>();
        figures.values().forEach(row -> ((Map<?, ?>) row).keySet().forEach(key -> columns.add(String.valueOf(key))));
        List<String> header = new ArrayList<>(List.of(""));
        header.addAll(columns);
        StringBuilder table = new StringBuilder(tableRow(header));
        table.append("|").append(" --- |".repeat(header.size())).append('\n');
        figures.forEach((rowName, row) -> {
            List<String> cells = new ArrayList<>(List.of(rowName));
            columns.forEach(column -> cells.add(cell(((Map<?, ?>) row).get(column))));
            table.append(tableRow(cells));
        });
        return table.toString();
    }

    private static String tableRow(List<String> cells) {
        return cells.stream()
                        .map(text -> text.replace("|", "\\|").replace('\n', ' '))
                        .collect(Collectors.joining(" | ", "| ", " |"))
                + "\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** Enough to tell two runs' machines apart. */
    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put(
                "date",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpu_model", procField("/proc/cpuinfo", "model name"));
        machine.put("memory_total", memoryTotal());
        machine.put("java_version", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    private static String memoryTotal() {
        String kilobytes =
                procField("/proc/meminfo", "MemTotal").replace("kB", "").strip();
        try {
            return String.format("%.1f GiB", Long.parseLong(kilobytes) / (1024.0 * 1024.0));
        } catch (NumberFormatException unknown) {
            return "unknown";
        }
    }

    /** The value of the first {@code key: value} line of a /proc file; "unknown" off Linux. */
    private static String procField(String file, String key) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | UncheckedIOException unreadable) {
            return "unknown";
        }
    }

    /** Just enough JSON writing for a report: maps, lists, numbers, booleans, strings and null. */
    private static final class Json {

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            append(out, value, "");
            return out.toString();
        }

        private static void append(StringBuilder out, Object value, String indent) {
            String inner = indent + "  ";
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator).append(inner);
                    string(out, String.valueOf(entry.getKey()));
                    out.append(": ");
                    append(out, entry.getValue(), inner);
                    separator = ",\n";
                }
                out.append('\n').append(indent).append('}');
            } else if (value instanceof Iterable<?> items) {
                if (!items.iterator().hasNext()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                String separator = "";
                for (Object item : items) {
                    out.append(separator).append(inner);
                    append(out, item, inner);
                    separator = ",\n";
                }
                out.append('\n').append(indent).append(']');
            } else if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                // JSON has no NaN or Infinity.
                out.append(Double.isFinite(number) ? value.toString() : "null");
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                string(out, value.toString());
            }
        }

        private static void string(StringBuilder out, String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Json() {}
    }
}
