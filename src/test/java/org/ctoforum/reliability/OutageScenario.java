package org.ctoforum.reliability;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.launcher.EmbeddedDatabase;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * Issue 8, point 3: the database cut off for 30 s under a mixed load of replies, API reads and thread pages. The
 * portal reaches its PostgreSQL through a NetCrusher TCP proxy; closing the proxy drops every connection and refuses
 * new ones, as a failed database host would. During the cut every answer must be a quick 503; within 10 s of the
 * return, 99% must succeed again, without a restart; and no reply the portal acknowledged may be missing afterwards.
 */
final class OutageScenario {

    private static final Logger LOG = Logger.getLogger(OutageScenario.class.getName());

    private static final int HTTP_PORT = 18_190;
    private static final int DB_PORT = 54_590;
    private static final int PROXY_PORT = 54_591;
    private static final int UNUSED_EMBEDDED_PORT = 54_592;
    private static final double RATE = 15;
    private static final Duration BEFORE = Duration.ofSeconds(20);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration AFTER = Duration.ofSeconds(30);
    private static final long FAST_MILLIS = 2_000;
    private static final long RECOVERY_MILLIS = 10_000;

    private final BenchReport report = new BenchReport(Scenarios.REPORTS, "outage");

    static boolean run(Path work) throws Exception {
        return new OutageScenario().measure(work.resolve("outage"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), DB_PORT);
                NioReactor reactor = new NioReactor();
                TcpCrusher proxy = TcpCrusherBuilder.builder()
                        .withReactor(reactor)
                        .withBindAddress("localhost", PROXY_PORT)
                        .withConnectAddress("localhost", DB_PORT)
                        .buildAndOpen();
                PackagedPortal running = PackagedPortal.start(
                        work.resolve("data"),
                        HTTP_PORT,
                        UNUSED_EMBEDDED_PORT,
                        "512m",
                        Duration.ofMinutes(3),
                        "portal.db.url=jdbc:postgresql://localhost:" + PROXY_PORT + "/" + EmbeddedDatabase.DATABASE,
                        "portal.db.user=" + EmbeddedDatabase.USER,
                        "portal.db.password=unused",
                        "portal.discussions.posts-per-minute=100000",
                        "portal.discussions.posts-per-minute-per-address=100000")) {
            Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
            String token = portal.postJson(
                            "/api/me/tokens", "{\"name\": \"outage\"}", "member@demo.local", running.demoPassword())
                    .json()
                    .getString("token");
            long thread = Scenarios.thread(portal, token, "Outage scenario");
            String base = running.baseUrl();

            MixedLoad load = new MixedLoad();
            load.start(RATE, i -> switch ((int) (i % 3)) {
                case 0 -> new MixedLoad.Planned(
                        "reply",
                        MixedLoad.request(URI.create(base + "/api/threads/" + thread + "/posts"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"body\": \"Reply " + i + " written during the outage scenario.\"}"))
                                .build());
                case 1 -> new MixedLoad.Planned(
                        "API read",
                        MixedLoad.request(URI.create(base + "/api/threads/" + thread))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build());
                default -> new MixedLoad.Planned(
                        "page",
                        MixedLoad.request(URI.create(base + "/discussions/thread.xhtml?id=" + thread))
                                .GET()
                                .build());
            });
            Thread.sleep(BEFORE.toMillis());
            long cut = load.elapsedMillis();
            LOG.info("Cutting the database off");
            proxy.close();
            Thread.sleep(OUTAGE.toMillis());
            long back = load.elapsedMillis();
            LOG.info("The database is back");
            proxy.open();
            Thread.sleep(AFTER.toMillis());
            long end = load.elapsedMillis();
            load.close();

            judgeOutage(load.dueBetween(cut, back));
            judgeRecovery(load.dueBetween(back, end), back);
            judgeWrites(load.dueBetween(0, end), database.jdbcUrl(), thread);
            report.section("before the cut", Scenarios.summary(load.dueBetween(0, cut)));
            String ready = portal.get("/health/ready").body();
            report.section("after", Map.of("ready", ready.contains("UP"), "restarted", false));
        }
        return Scenarios.finish(report);
    }

    private void judgeOutage(List<MixedLoad.Exchange> during) {
        long quick503 = during.stream()
                .filter(e -> e.status() == 503 && e.millis() <= FAST_MILLIS && rightBody(e))
                .count();
        long slowest =
                during.stream().mapToLong(MixedLoad.Exchange::millis).max().orElse(0);
        Map<String, Object> figures = new LinkedHashMap<>(Scenarios.summary(during));
        figures.put("answered_503_within_2_s", quick503);
        figures.put("slowest_ms", slowest);
        report.section("during the 30 s cut", figures);
        report.target(
                "during the cut: every answer a 503 (problem+json on the API) within 2 s",
                quick503 + " of " + during.size() + ", slowest " + slowest + " ms",
                !during.isEmpty() && quick503 == during.size());
    }

    private static boolean rightBody(MixedLoad.Exchange exchange) {
        return exchange.kind().equals("page")
                ? exchange.contentType().startsWith("text/html")
                : exchange.contentType().startsWith("application/problem+json");
    }

    private void judgeRecovery(List<MixedLoad.Exchange> after, long back) {
        long firstSuccess = after.stream()
                .filter(MixedLoad.Exchange::ok)
                .mapToLong(e -> e.dueMillis() + e.millis() - back)
                .min()
                .orElse(-1);
        List<MixedLoad.Exchange> settled = after.stream()
                .filter(e -> e.dueMillis() >= back + RECOVERY_MILLIS)
                .toList();
        long ok = settled.stream().filter(MixedLoad.Exchange::ok).count();
        double share = settled.isEmpty() ? 0 : 100.0 * ok / settled.size();
        Map<String, Object> figures = new LinkedHashMap<>(Scenarios.summary(after));
        figures.put("first_success_after_return_ms", firstSuccess);
        figures.put("success_from_10_s_after_return_percent", Math.round(share * 10) / 10.0);
        report.section("after the database returned", figures);
        report.target(
                "from 10 s after the return: ≥ 99% succeed, without a restart",
                String.format(
                        "%.1f%% of %d; first success %d ms after the return", share, settled.size(), firstSuccess),
                share >= 99);
    }

    private void judgeWrites(List<MixedLoad.Exchange> all, String jdbcUrl, long thread) throws Exception {
        List<Long> acknowledged = all.stream()
                .filter(e -> e.kind().equals("reply") && e.status() == 201)
                .map(e -> {
                    try (var reader = Json.createReader(new StringReader(e.body()))) {
                        return reader.readObject().getJsonNumber("id").longValue();
                    }
                })
                .toList();
        long present;
        long duplicates;
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            try (PreparedStatement query =
                    db.prepareStatement("select count(*) from discussion_post where id = any(?)")) {
                Array ids = db.createArrayOf("bigint", acknowledged.toArray());
                query.setArray(1, ids);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    present = row.getLong(1);
                }
            }
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) - count(distinct body) from discussion_post where thread_id = ?")) {
                query.setLong(1, thread);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    duplicates = row.getLong(1);
                }
            }
        }
        long lost = acknowledged.size() - present;
        report.section(
                "writes",
                Map.of(
                        "acknowledged",
                        acknowledged.size(),
                        "present",
                        present,
                        "lost",
                        lost,
                        "duplicates",
                        duplicates));
        report.target(
                "no acknowledged write lost, none doubled",
                lost + " lost and " + duplicates + " doubled of " + acknowledged.size(),
                lost == 0 && duplicates == 0);
    }
}
