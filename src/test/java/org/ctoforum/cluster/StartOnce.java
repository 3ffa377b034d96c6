package org.ctoforum.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.bench.BenchReport;

/**
 * The cluster as started: the three nodes form one Hazelcast cluster, and the demo content, asked for by every node
 * at once (see {@code cluster.demo.nodes}), is in the database once: as many threads, editions, library entries and
 * demo accounts as {@code seeds/} holds, none twice.
 */
final class StartOnce {

    /** Table, what a row is known by, the seed file and the array in it that makes those rows. */
    private record Seeded(String table, String key, String seedFile, String array) {}

    private static final List<Seeded> SEEDED = List.of(
            new Seeded("discussion_thread", "title", "discussions.json", "threads"),
            new Seeded("forum_edition", "title", "forums.json", "editions"),
            new Seeded("library_entry", "title", "library.json", "entries"),
            new Seeded("report", "slug", "reports.json", "reports"));

    static void run(PortalCluster cluster, BenchReport report) throws Exception {
        report.section("start", cluster.startFigures());
        Map<String, Object> members = new LinkedHashMap<>();
        boolean formed = true;
        for (int i = 0; i < PortalCluster.NODES; i++) {
            int seen = cluster.membersSeenBy(i);
            members.put(cluster.nodes().get(i).name(), seen);
            formed &= seen == PortalCluster.NODES;
        }
        report.section("Hazelcast members each node last reported", members);
        report.target("the three nodes form one cluster", members.toString(), formed);

        List<String> doubled = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        try (Connection db = cluster.database().connect();
                Statement statement = db.createStatement()) {
            for (Seeded seeded : SEEDED) {
                int expected = seedCount(seeded);
                try (ResultSet row = statement.executeQuery(
                        "select count(*), count(distinct " + seeded.key() + ") from " + seeded.table())) {
                    row.next();
                    long rows = row.getLong(1);
                    long distinct = row.getLong(2);
                    counts.put(seeded.table(), rows + " (seeds: " + expected + ")");
                    if (rows != expected || distinct != rows) {
                        doubled.add(seeded.table() + " has " + rows + " rows, " + distinct + " distinct, seeds "
                                + expected);
                    }
                }
            }
            int accounts = seedCount(new Seeded("account", "email", "members.json", "accounts"));
            try (ResultSet row = statement.executeQuery("select count(*) from account")) {
                row.next();
                counts.put("account", row.getLong(1) + " (seeds: " + accounts + ")");
                if (row.getLong(1) != accounts) {
                    doubled.add("account has " + row.getLong(1) + " rows, seeds " + accounts);
                }
            }
        }
        report.section("demo content in the database", counts);
        report.target(
                "the demo content, asked for by " + cluster.startFigures().get("demo_on") + ", loads once",
                doubled.isEmpty() ? "as in seeds/, none twice" : String.join("; ", doubled),
                doubled.isEmpty());
    }

    private static int seedCount(Seeded seeded) throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("seeds", seeded.seedFile()), StandardCharsets.UTF_8)) {
            JsonObject seed = Json.createReader(reader).readObject();
            return seed.getJsonArray(seeded.array()).size();
        }
    }

    private StartOnce() {}
}
