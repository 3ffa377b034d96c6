package org.ctoforum.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.testing.Portal;

/**
 * A member's searches per minute (60 as shipped) hold across the cluster: 60 searches spread over the three nodes
 * straight (past nginx), at once, then the 61st. The account's bucket refills one search a second (greedy, by the
 * minute's rate), so a burst that takes longer than a second may earn one more per second it took: the part keeps
 * asking, round the nodes, until the first 429, and judges the count allowed against 60 plus that refill. With
 * buckets per node the three would allow 180.
 */
final class SharedLimits {

    private static final int PER_MINUTE = 60;
    private static final int MOST = 4 * PER_MINUTE;
    private static final String MEMBER = "member2@demo.local";

    static void run(PortalCluster cluster, BenchReport report) throws Exception {
        String token = ClusterScenarios.token(cluster.direct(0), MEMBER, cluster.demoPassword());
        List<Integer> statuses = new ArrayList<>();
        Map<String, Integer> byNode = new TreeMap<>();
        ExecutorService searchers = Executors.newFixedThreadPool(12);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> first = new ArrayList<>();
            for (int i = 0; i < PER_MINUTE; i++) {
                int node = i % PortalCluster.NODES;
                first.add(searchers.submit(() -> search(cluster.direct(node), token)));
            }
            for (int i = 0; i < first.size(); i++) {
                int status = first.get(i).get();
                statuses.add(status);
                if (status == 200) {
                    byNode.merge(cluster.nodes().get(i % PortalCluster.NODES).name(), 1, Integer::sum);
                }
            }
        } finally {
            searchers.shutdown();
        }
        long burstMillis = (System.nanoTime() - started) / 1_000_000;
        int sixtyFirst = search(cluster.direct(PER_MINUTE % PortalCluster.NODES), token);
        long sixtyFirstMillis = (System.nanoTime() - started) / 1_000_000;
        statuses.add(sixtyFirst);
        while (statuses.size() < MOST && !statuses.contains(429)) {
            statuses.add(search(cluster.direct(statuses.size() % PortalCluster.NODES), token));
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        int firstRefused = statuses.indexOf(429);
        long allowed = (firstRefused < 0 ? statuses : statuses.subList(0, firstRefused))
                .stream().filter(status -> status == 200).count();
        long refill = elapsedMillis / 1_000;

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(
                "first 60 answered 200",
                statuses.subList(0, PER_MINUTE).stream()
                        .filter(status -> status == 200)
                        .count());
        figures.put("first 60 by node (200s)", byNode);
        figures.put("first 60 took (ms)", burstMillis);
        figures.put("61st answered", sixtyFirst);
        figures.put("61st answered after (ms)", sixtyFirstMillis);
        figures.put("allowed before the first 429", allowed);
        figures.put("first 429 was search number", firstRefused < 0 ? "none in " + MOST : firstRefused + 1);
        figures.put("until then (ms)", elapsedMillis);
        figures.put(
                "other statuses",
                statuses.stream()
                        .filter(status -> status != 200 && status != 429)
                        .toList());
        report.section(MEMBER + "'s searches, straight to the nodes", figures);
        boolean strict = sixtyFirst == 429;
        report.target(
                "a member's 61st search in a minute is refused, whichever nodes answered the 60 (allowing the"
                        + " bucket's refill of one a second while the searches ran)",
                "61st: " + sixtyFirst + " after " + sixtyFirstMillis + " ms; " + allowed + " allowed before the first"
                        + " 429, bound " + (PER_MINUTE + refill),
                statuses.subList(0, PER_MINUTE).stream().allMatch(status -> status == 200)
                        && (strict || (firstRefused >= 0 && allowed <= PER_MINUTE + refill)));
    }

    private static int search(Portal node, String token) {
        return node.send(node.request("/api/search?q=budget")
                        .header("Authorization", "Bearer " + token)
                        .GET())
                .status();
    }

    private SharedLimits() {}
}
