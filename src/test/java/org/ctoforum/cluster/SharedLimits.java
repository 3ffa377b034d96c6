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
 * straight (past nginx), twelve at a time, then the 61st. The bucket refills whole at the end of its minute, so the
 * 61st must be refused however long the 60 took (under a minute); with buckets per node the three would allow 180.
 */
final class SharedLimits {

    private static final int PER_MINUTE = 60;
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
        int sixtyFirstNode = PER_MINUTE % PortalCluster.NODES;
        int sixtyFirst = search(cluster.direct(sixtyFirstNode), token);
        long sixtyFirstMillis = (System.nanoTime() - started) / 1_000_000;
        // One more on each of the other nodes: none of them may have a bucket of its own.
        List<Integer> after = new ArrayList<>();
        for (int node = 0; node < PortalCluster.NODES; node++) {
            if (node != sixtyFirstNode) {
                after.add(search(cluster.direct(node), token));
            }
        }
        long allowed = statuses.stream().filter(status -> status == 200).count();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("first 60 answered 200", allowed);
        figures.put("first 60 by node (200s)", byNode);
        figures.put("first 60 took (ms)", burstMillis);
        figures.put("61st answered", sixtyFirst);
        figures.put("61st answered after (ms)", sixtyFirstMillis);
        figures.put("then one on each other node", after);
        figures.put(
                "other statuses among the first 60",
                statuses.stream().filter(status -> status != 200).toList());
        report.section(MEMBER + "'s searches, straight to the nodes", figures);
        report.target(
                "a member's 61st search in a minute is refused, whichever nodes answered the 60",
                allowed + " of the first 60 allowed; the 61st answered " + sixtyFirst + " after " + sixtyFirstMillis
                        + " ms, then " + after + " on the other nodes",
                allowed == PER_MINUTE && sixtyFirst == 429 && after.stream().allMatch(status -> status == 429));
    }

    private static int search(Portal node, String token) {
        return node.send(node.request("/api/search?q=budget")
                        .header("Authorization", "Bearer " + token)
                        .GET())
                .status();
    }

    private SharedLimits() {}
}
