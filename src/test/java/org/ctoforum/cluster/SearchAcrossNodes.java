package org.ctoforum.cluster;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.Latencies;
import org.ctoforum.reliability.Scenarios;
import org.ctoforum.testing.Portal;

/**
 * A post written on one node, found by search on the two others: 300 posts, a third written on each node straight
 * (past nginx), each with a word only it has. From the write's 201 the other two nodes are asked every 100 ms, as a
 * visitor would ask, until both find it; the time until the slower of the two does is the figure. Each node follows
 * the others' changes through the database, so this is that follower's delay.
 */
final class SearchAcrossNodes {

    private static final Logger LOG = Logger.getLogger(SearchAcrossNodes.class.getName());

    private static final int POSTS = Integer.getInteger("cluster.search.posts", 300);
    private static final long TARGET_P99_MILLIS = 2_000;
    private static final long GIVE_UP_MILLIS = 30_000;
    /** Fine enough for a 2 s target; finer, the polls of three writers would be a load of their own. */
    private static final long POLL_MILLIS = 100;

    static void run(PortalCluster cluster, BenchReport report) throws Exception {
        String member = ClusterScenarios.token(cluster.direct(0), "member@demo.local", cluster.demoPassword());
        long thread = Scenarios.thread(cluster.direct(0), member, "Cluster search " + UUID.randomUUID());
        Latencies found = new Latencies();
        Map<String, Latencies> byWriter = new LinkedHashMap<>();
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger failedWrites = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(PortalCluster.NODES);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < PortalCluster.NODES; writer++) {
            int node = writer;
            Latencies mine = new Latencies();
            byWriter.put("written on " + cluster.nodes().get(node).name(), mine);
            done.add(writers.submit(() -> {
                for (int i = node; i < POSTS; i += PortalCluster.NODES) {
                    String word = "clusterprobe"
                            + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    Portal.Answer written = cluster.direct(node)
                            .send(cluster.direct(node)
                                    .request("/api/threads/" + thread + "/posts")
                                    .header("Authorization", "Bearer " + member)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"body\": \"Written on one node, searched on the others: " + word
                                                    + ".\"}")));
                    long acknowledged = System.nanoTime();
                    if (written.status() != 201) {
                        failedWrites.incrementAndGet();
                        LOG.warning(() -> "A write failed: " + written);
                        continue;
                    }
                    long nanos = untilFoundOnTheOthers(cluster, node, word, acknowledged);
                    if (nanos < 0) {
                        missing.incrementAndGet();
                        nanos = GIVE_UP_MILLIS * 1_000_000;
                    }
                    found.record(nanos);
                    mine.record(nanos);
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("all posts", found.toMap());
        byWriter.forEach((name, latencies) -> figures.put(name, latencies.toMap()));
        report.section("from the write's 201 to found on both other nodes (ms)", figures);
        report.section(
                "posts",
                Map.of(
                        "written",
                        POSTS - failedWrites.get(),
                        "failed_writes",
                        failedWrites.get(),
                        "not_found_within_30_s",
                        missing.get(),
                        "poll_interval_ms",
                        POLL_MILLIS));
        report.target(
                "a post written on one node is found by search on the others: p99 ≤ 2 s over " + POSTS + " posts",
                String.format(
                        "p99 %.0f ms, max %.0f ms; %d not found within 30 s, %d writes failed",
                        found.p(99), found.max(), missing.get(), failedWrites.get()),
                found.count() == POSTS
                        && found.p(99) <= TARGET_P99_MILLIS
                        && missing.get() == 0
                        && failedWrites.get() == 0);
    }

    /** Nanoseconds from {@code acknowledged} until both other nodes find {@code word}; -1 after 30 s. */
    private static long untilFoundOnTheOthers(PortalCluster cluster, int writer, String word, long acknowledged)
            throws InterruptedException {
        List<Integer> others = new ArrayList<>();
        for (int node = 0; node < PortalCluster.NODES; node++) {
            if (node != writer) {
                others.add(node);
            }
        }
        long deadline = acknowledged + GIVE_UP_MILLIS * 1_000_000;
        while (!others.isEmpty()) {
            others.removeIf(node -> finds(cluster.direct(node), word));
            if (others.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return System.nanoTime() - acknowledged;
    }

    /** Whether an anonymous search on {@code portal} finds {@code word}; an answer other than 200 does not. */
    static boolean finds(Portal portal, String word) {
        Portal.Answer answer = portal.get("/api/search?q=" + word);
        return answer.status() == 200 && answer.json().getJsonNumber("total").longValue() > 0;
    }

    private SearchAcrossNodes() {}
}
