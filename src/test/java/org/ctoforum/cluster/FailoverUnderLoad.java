package org.ctoforum.cluster;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.Latencies;
import org.ctoforum.reliability.MixedLoad;
import org.ctoforum.reliability.Scenarios;
import org.ctoforum.testing.Portal;

/**
 * Nodes going away under 50 requests a second of mixed reads and writes through nginx: replies (API writes with a
 * bearer token), API reads and thread pages, a third each, over ten threads, written by two members in turn. (Replies
 * to one thread take its row lock in turn, so a load of 17 replies a second into a single thread measures that lock,
 * not the cluster.) A member signed in through the form, as a browser, keeps the cookies nginx routes by.
 *
 * <ul>
 *   <li>{@link #kill}: the node that serves the member is killed with SIGKILL. The member's next page must still be
 *       signed in, and of the requests from the kill until the node is back, at most 1% may fail. The node is then
 *       restarted as an orchestrator restarts a crashed container, without taking it out of nginx first; what that
 *       costs is reported, not judged.
 *   <li>{@link #rolling}: the three nodes restarted one after the other as an operator does it: taken out of nginx
 *       (marked down, reloaded), stopped with SIGTERM, started, put back once ready. No idempotent request may
 *       fail; writes may (the client may retry them).
 * </ul>
 *
 * In both, every write the portal acknowledged (201) must be stored, and none twice.
 */
final class FailoverUnderLoad {

    private static final Logger LOG = Logger.getLogger(FailoverUnderLoad.class.getName());

    private static final double RATE = 50;
    private static final String MEMBER = "member@demo.local";
    private static final List<String> WRITERS = List.of(MEMBER, "member2@demo.local");
    private static final int THREADS = 10;
    /**
     * A node goes only once the cluster keeps up with the load: its first seconds are slow while the nodes compile
     * the write path, and a node killed while requests queue takes many more of them down with it. At least this
     * long, then until the requests due 10 to 15 s ago were all answered with a median under 500 ms, at most
     * {@link #STEADY_AT_MOST}.
     */
    private static final Duration WARM = Duration.ofSeconds(45);

    private static final Duration STEADY_AT_MOST = Duration.ofMinutes(3);
    private static final long STEADY_MEDIAN_MILLIS = 500;

    private static final Duration DOWN = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /**
     * After a node is marked down, for what it serves to finish: under this load a write's p99 is several seconds, and
     * a node stopped sooner cut requests off (two writes were stored but answered 500).
     */
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private static final double MOST_FAILED_PERCENT = 1.0;

    /** The member's browser: cookies kept, redirects not followed, so that a signed-out answer shows as a 302. */
    private record Browser(HttpClient client, String base) {}

    /** What the member's page answered: whether signed in, which node answered it, and how fast. */
    private record Page(boolean signedIn, int status, Optional<Integer> node, long millis) {
        String describe(PortalCluster cluster) {
            return status + (signedIn ? " signed in" : " NOT signed in") + ", answered by "
                    + node.map(i -> cluster.nodes().get(i).name()).orElse("an unknown node") + " in " + millis
                    + " ms";
        }
    }

    static void kill(PortalCluster cluster, BenchReport report) throws Exception {
        List<String> tokens = writers(cluster);
        List<Long> threads = threads(cluster, tokens, "Cluster kill");
        Browser browser = signIn(cluster);
        Page before = page(cluster, browser);
        if (!before.signedIn() || before.node().isEmpty()) {
            throw new IllegalStateException("The member's page before the kill: " + before.describe(cluster));
        }
        int victim = before.node().get();
        String name = cluster.nodes().get(victim).name();

        MixedLoad load = load(cluster, tokens, threads, "kill");
        long steadyAfter = steady(load);
        long killedAt = load.elapsedMillis();
        LOG.info(() -> "Killing " + name + ", which serves the member");
        cluster.kill(victim);
        Page after = page(cluster, browser);
        Thread.sleep(Math.max(0, DOWN.toMillis() - (load.elapsedMillis() - killedAt)));
        long restartAt = load.elapsedMillis();
        LOG.info(() -> "Restarting " + name + " without taking it out of nginx");
        long started = System.nanoTime();
        Map<String, Object> restartFigures = new LinkedHashMap<>();
        try {
            cluster.startNode(victim);
            restartFigures.put("node ready after (ms)", (System.nanoTime() - started) / 1_000_000);
        } catch (IllegalStateException notReady) {
            restartFigures.put(
                    "node not ready", notReady.getMessage().lines().findFirst().orElse(""));
        }
        long readyAt = load.elapsedMillis();
        Thread.sleep(SETTLE.toMillis());
        long end = load.elapsedMillis();
        // Every request that was due is answered or counted as failed before any window is judged.
        load.close();

        report.section(
                "the member's session",
                Map.of(
                        "before the kill",
                        before.describe(cluster),
                        "killed",
                        name + " (SIGKILL)",
                        "the next page",
                        after.describe(cluster)));
        report.target(
                "a signed-in member's session after their node is killed (SIGKILL): the next request through nginx"
                        + " is still signed in",
                after.describe(cluster),
                after.signedIn() && after.node().filter(node -> node != victim).isPresent());
        // From the kill: what was in flight at that moment (due before, answered after), and all that came after.
        List<MixedLoad.Exchange> during = load.dueBetween(0, restartAt).stream()
                .filter(e -> e.dueMillis() + e.millis() >= killedAt)
                .toList();
        long failed = during.stream().filter(e -> !e.ok()).count();
        double failedPercent = during.isEmpty() ? 100 : 100.0 * failed / during.size();
        Map<String, Object> duringFigures = new LinkedHashMap<>(Scenarios.summary(during));
        duringFigures.put("failed", failed);
        duringFigures.put("failed_percent", Math.round(failedPercent * 100) / 100.0);
        duringFigures.put("latency (ms)", latencies(during));
        duringFigures.put("failures", failures(during));
        report.section(
                "from the kill (requests in flight then included) until the restart (" + (restartAt - killedAt) / 1000
                        + " s)",
                duringFigures);
        List<MixedLoad.Exchange> earlier = load.dueBetween(0, killedAt).stream()
                .filter(e -> e.dueMillis() + e.millis() < killedAt)
                .toList();
        Map<String, Object> beforeFigures = new LinkedHashMap<>(Scenarios.summary(earlier));
        beforeFigures.put("latency (ms)", latencies(earlier));
        beforeFigures.put("the load kept up after (ms)", steadyAfter);
        report.section("answered before the kill (the first seconds warm the nodes up)", beforeFigures);
        report.target(
                "requests from the kill until the node is restarted, " + (long) RATE + " a second of mixed reads and"
                        + " writes: ≤ 1% fail",
                String.format("%d of %d failed (%.2f%%)", failed, during.size(), failedPercent),
                !during.isEmpty() && failedPercent <= MOST_FAILED_PERCENT);

        List<MixedLoad.Exchange> restart = load.dueBetween(restartAt, end);
        restartFigures.putAll(Scenarios.summary(restart));
        restartFigures.put(
                "failed while it started",
                load.dueBetween(restartAt, readyAt).stream()
                        .filter(e -> !e.ok())
                        .count());
        restartFigures.put("latency (ms)", latencies(restart));
        restartFigures.put("failures", failures(restart));
        report.section(
                "the killed node restarted without being taken out of nginx (not judged: see the rolling part for a"
                        + " restart done as an operator does it)",
                restartFigures);

        judgeWrites(cluster, report, load.dueBetween(0, end), threads);
    }

    static void rolling(PortalCluster cluster, BenchReport report) throws Exception {
        List<String> tokens = writers(cluster);
        List<Long> threads = threads(cluster, tokens, "Cluster rolling restart");
        Browser browser = signIn(cluster);
        Page before = page(cluster, browser);

        MixedLoad load = load(cluster, tokens, threads, "rolling");
        long steadyAfter = steady(load);
        long from = load.elapsedMillis();
        Map<String, Object> restarts = new LinkedHashMap<>();
        for (int i = 0; i < PortalCluster.NODES; i++) {
            String name = cluster.nodes().get(i).name();
            LOG.info(() -> "Rolling restart: " + name);
            cluster.nginx().markDown(i, true);
            Thread.sleep(DRAIN.toMillis());
            long stopping = System.nanoTime();
            cluster.stop(i);
            long stopped = System.nanoTime();
            cluster.startNode(i);
            long ready = System.nanoTime();
            cluster.nginx().markDown(i, false);
            restarts.put(
                    name,
                    Map.of(
                            "stop_ms",
                            (stopped - stopping) / 1_000_000,
                            "start_to_ready_ms",
                            (ready - stopped) / 1_000_000));
            Thread.sleep(SETTLE.toMillis() / 2);
        }
        Thread.sleep(SETTLE.toMillis());
        long end = load.elapsedMillis();
        load.close();
        Page after = page(cluster, browser);

        restarts.put("the load kept up after (ms)", Map.of("before the first restart", steadyAfter));
        report.section("restarts", restarts);
        List<MixedLoad.Exchange> during = load.dueBetween(from, end);
        List<MixedLoad.Exchange> idempotent =
                during.stream().filter(e -> !e.kind().equals("write")).toList();
        long failedIdempotent = idempotent.stream().filter(e -> !e.ok()).count();
        long failedWrites =
                during.stream().filter(e -> e.kind().equals("write") && !e.ok()).count();
        Map<String, Object> figures = new LinkedHashMap<>(Scenarios.summary(during));
        figures.put("failed idempotent (GET)", failedIdempotent);
        figures.put("failed writes (the client may retry them)", failedWrites);
        figures.put("latency (ms)", latencies(during));
        figures.put("failures", failures(during));
        report.section("from the first node taken out to the end (" + (end - from) / 1000 + " s)", figures);
        report.target(
                "a rolling restart of all three nodes under " + (long) RATE + " requests a second: 0 failed idempotent"
                        + " requests",
                failedIdempotent + " of " + idempotent.size() + " failed; " + failedWrites + " writes failed",
                !idempotent.isEmpty() && failedIdempotent == 0);
        report.section(
                "the member's session",
                Map.of("before", before.describe(cluster), "after the three restarts", after.describe(cluster)));
        report.target(
                "a member signed in before the rolling restart is still signed in after it",
                after.describe(cluster),
                before.signedIn() && after.signedIn());

        judgeWrites(cluster, report, load.dueBetween(0, end), threads);
    }

    /** Waits until the load is answered in time (see {@link #WARM}); answers after how long, in ms. */
    private static long steady(MixedLoad load) throws InterruptedException {
        Thread.sleep(WARM.toMillis());
        while (load.elapsedMillis() < STEADY_AT_MOST.toMillis()) {
            long now = load.elapsedMillis();
            List<MixedLoad.Exchange> recent = load.dueBetween(now - 15_000, now - 10_000);
            List<Long> millis =
                    recent.stream().map(MixedLoad.Exchange::millis).sorted().toList();
            boolean allAnswered = recent.size() >= RATE * 5 * 0.98;
            if (allAnswered && millis.get(millis.size() / 2) < STEADY_MEDIAN_MILLIS) {
                return now;
            }
            Thread.sleep(1_000);
        }
        LOG.warning("The load still queues after " + STEADY_AT_MOST + "; going on");
        return load.elapsedMillis();
    }

    /** The API tokens of the members who write, in turn. */
    private static List<String> writers(PortalCluster cluster) {
        return WRITERS.stream()
                .map(email -> ClusterScenarios.token(cluster.proxied(), email, cluster.demoPassword()))
                .toList();
    }

    /** Ten threads to write to, and a first reply by each writer, so that a writer who may not write shows now. */
    private static List<Long> threads(PortalCluster cluster, List<String> tokens, String title) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Scenarios.thread(cluster.proxied(), tokens.get(0), title + " " + run + " #" + (i + 1)));
        }
        for (String token : tokens) {
            Portal portal = cluster.proxied();
            Portal.Answer reply = portal.send(portal.request("/api/threads/" + threads.get(0) + "/posts")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"A first reply, before the load.\"}")));
            if (reply.status() != 201) {
                throw new IllegalStateException("A writer of the load may not reply: " + reply);
            }
        }
        return threads;
    }

    /**
     * Replies, API reads and pages, a third each, at {@link #RATE} a second through nginx, going round the threads;
     * the replies by the writers in turn.
     */
    private static MixedLoad load(PortalCluster cluster, List<String> tokens, List<Long> threads, String part) {
        String base = cluster.nginx().baseUrl();
        String run = UUID.randomUUID().toString().substring(0, 8);
        MixedLoad load = new MixedLoad();
        load.start(RATE, i -> {
            long round = i / 3;
            long thread = threads.get((int) (round % threads.size()));
            String token = tokens.get((int) (round % tokens.size()));
            return switch ((int) (i % 3)) {
                case 0 -> new MixedLoad.Planned(
                        "write",
                        MixedLoad.request(URI.create(base + "/api/threads/" + thread + "/posts"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"body\": \"Cluster " + part + " reply " + i + " of run " + run + ".\"}"))
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
            };
        });
        return load;
    }

    private static Browser signIn(PortalCluster cluster) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        cluster.proxied().signInThroughTheForm(client, MEMBER, cluster.demoPassword());
        return new Browser(client, cluster.nginx().baseUrl());
    }

    /** The member's profile page through nginx: 200 with the sign-out form when signed in, a 302 when not. */
    private static Page page(PortalCluster cluster, Browser browser) throws Exception {
        String probe = "probe" + UUID.randomUUID().toString().replace("-", "");
        long started = System.nanoTime();
        HttpResponse<String> answer = browser.client()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.base() + "/me/profile.xhtml?probe=" + probe))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean signedIn = answer.statusCode() == 200 && answer.body().contains("id=\"signout\"");
        // The node names itself in X-Portal-Node; nginx's log says it too, by address.
        Optional<Integer> node = answer.headers().firstValue("X-Portal-Node").flatMap(name -> cluster.nodes().stream()
                .filter(n -> n.name().equals(name))
                .map(PortalCluster.Node::index)
                .findFirst());
        if (node.isEmpty()) {
            node = cluster.nginx().nodeThatAnswered(probe);
        }
        return new Page(signedIn, answer.statusCode(), node, millis);
    }

    /** p50, p99 and the slowest of the requests' times from when each was due, all and by kind, in ms. */
    private static Map<String, Object> latencies(List<MixedLoad.Exchange> exchanges) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("all", percentiles(exchanges));
        for (String kind : List.of("write", "API read", "page")) {
            figures.put(
                    kind,
                    percentiles(exchanges.stream()
                            .filter(e -> e.kind().equals(kind))
                            .toList()));
        }
        return figures;
    }

    private static String percentiles(List<MixedLoad.Exchange> exchanges) {
        Latencies latencies = new Latencies();
        exchanges.forEach(e -> latencies.record(e.millis() * 1_000_000));
        return String.format(
                "p50 %d, p99 %d, max %d",
                Math.round(latencies.p(50)), Math.round(latencies.p(99)), Math.round(latencies.max()));
    }

    /** The failed requests by kind and status, with the first words of what came back. */
    private static Map<String, Integer> failures(List<MixedLoad.Exchange> exchanges) {
        Map<String, Integer> failures = new LinkedHashMap<>();
        exchanges.stream().filter(e -> !e.ok()).forEach(e -> {
            String body = e.body() == null ? "" : e.body().replaceAll("\\s+", " ");
            failures.merge(
                    e.kind() + " " + e.status() + " " + body.substring(0, Math.min(80, body.length())),
                    1,
                    Integer::sum);
        });
        return failures;
    }

    /** Every acknowledged reply is stored, and no reply twice. */
    private static void judgeWrites(
            PortalCluster cluster, BenchReport report, List<MixedLoad.Exchange> all, List<Long> threads)
            throws Exception {
        List<Long> acknowledged = all.stream()
                .filter(e -> e.kind().equals("write") && e.status() == 201)
                .map(e -> {
                    try (var reader = Json.createReader(new StringReader(e.body()))) {
                        return reader.readObject().getJsonNumber("id").longValue();
                    }
                })
                .toList();
        long present;
        long doubled;
        try (Connection db = cluster.database().connect()) {
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
                    "select count(*) - count(distinct body) from discussion_post where thread_id = any(?)"
                            + " and body like 'Cluster % reply % of run %'")) {
                // The load's replies only: each body is unique, while every thread opens with the same text.
                query.setArray(1, db.createArrayOf("bigint", threads.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    doubled = row.getLong(1);
                }
            }
        }
        long lost = acknowledged.size() - present;
        report.section(
                "writes",
                Map.of("acknowledged", acknowledged.size(), "stored", present, "lost", lost, "doubled", doubled));
        report.target(
                "0 acknowledged writes lost; none doubled",
                lost + " lost and " + doubled + " doubled of " + acknowledged.size(),
                lost == 0 && doubled == 0);
    }

    private FailoverUnderLoad() {}
}
