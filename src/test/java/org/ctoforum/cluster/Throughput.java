package org.ctoforum.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.FixedRateLoad;
import org.ctoforum.reliability.Scenarios;
import org.ctoforum.testing.Portal;

/**
 * Throughput through nginx with one node against three, on this machine: anonymous thread pages and API reads of one
 * thread, alternately, at rising fixed rates until p99 passes 500 ms or a request fails. With one node, nginx has the
 * other two marked down, but they keep running (idle), so both runs pay for the same processes. For each step, the
 * share of the machine's CPU that each part used (nodes, PostgreSQL, nginx, and this load generator) tells what bounds
 * the figure: on 2 cores, three nodes share the same two cores one node had.
 */
final class Throughput {

    private static final Logger LOG = Logger.getLogger(Throughput.class.getName());

    private static final double FIRST_RATE = Double.parseDouble(System.getProperty("cluster.throughput.first", "10"));
    private static final double FACTOR = 1.5;
    private static final double WARM_RATE = 100;
    private static final Duration WARM = Duration.ofSeconds(60);
    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(3);
    private static final double QUIET_SHARE = 0.15;
    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("cluster.throughput.step.seconds", 15));
    private static final long P99_LIMIT_MILLIS = 500;
    private static final int MAX_STEPS = 12;

    static void run(PortalCluster cluster, BenchReport report) throws Exception {
        Portal portal = cluster.proxied();
        String token = ClusterScenarios.token(portal, "member@demo.local", cluster.demoPassword());
        long thread = Scenarios.thread(portal, token, "Cluster throughput " + UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            portal.send(portal.request("/api/threads/" + thread + "/posts")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"body\": \"Reply " + i + " of the throughput thread, so its page has some length.\"}")));
        }
        URI page = URI.create(cluster.nginx().baseUrl() + "/discussions/thread.xhtml?id=" + thread);
        URI api = URI.create(cluster.nginx().baseUrl() + "/api/threads/" + thread);

        // The nodes may have just been restarted (the rolling part): a minute at 100 a second over all three lets
        // each compile the pages first, so that neither run measures a cold node.
        cluster.nginx().only(-1);
        new FixedRateLoad().run(i -> i % 2 == 0 ? page : api, WARM_RATE, WARM);
        long threeQuietAfter = quiet(cluster);
        Map<String, Object> three = capacity(cluster, page, api, -1);
        long oneQuietAfter = quiet(cluster);
        Map<String, Object> one = capacity(cluster, page, api, 0);
        cluster.nginx().only(-1);

        double threeRate = (double) three.get("capacity_per_s");
        double oneRate = (double) one.get("capacity_per_s");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requests", "anonymous thread page and API read of one thread, alternately, through nginx");
        summary.put(
                "limit per step",
                "p99 ≤ " + P99_LIMIT_MILLIS + " ms and no failed request, " + STEP.toSeconds() + " s a step");
        summary.put("1 node (per s)", oneRate);
        summary.put("3 nodes (per s)", threeRate);
        summary.put("3 against 1", oneRate == 0 ? "n/a" : String.format("%.2f", threeRate / oneRate));
        summary.put("cpus", Runtime.getRuntime().availableProcessors());
        summary.put("nodes quiet before the 3-node run after (ms)", threeQuietAfter);
        summary.put("nodes quiet before the 1-node run after (ms)", oneQuietAfter);
        summary.put("bound at 3 nodes' last passing step", three.get("bound"));
        summary.put("bound at 1 node's last passing step", one.get("bound"));
        report.section("throughput, 1 node against 3", summary);
        report.section("3 nodes, by step", castSteps(three));
        report.section("1 node, by step", castSteps(one));
    }

    /**
     * Waits until the nodes' own work has settled, at most {@link #QUIET_AT_MOST}: after a rolling restart each node
     * catches up with the search log it missed, which took most of the two cores at the first steps. Quiet is under
     * {@link #QUIET_SHARE} of the machine for the three nodes together over 5 s. Answers how long it waited, in ms.
     */
    private static long quiet(PortalCluster cluster) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < QUIET_AT_MOST.toNanos()) {
            Map<String, Map<Long, Long>> before = cpuTicks(cluster);
            Thread.sleep(5_000);
            Map<String, Map<Long, Long>> after = cpuTicks(cluster);
            double share = used(before, after, "nodes") / Math.max(1, used(before, after, "machine all"));
            if (share < QUIET_SHARE) {
                break;
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castSteps(Map<String, Object> capacity) {
        return (Map<String, Object>) capacity.get("steps");
    }

    /** Steps up the rate with only node {@code only} up in nginx (all with -1); CPU shares for each step. */
    private static Map<String, Object> capacity(PortalCluster cluster, URI page, URI api, int only) throws Exception {
        cluster.nginx().only(only);
        String who = only < 0 ? "3 nodes" : "1 node";
        FixedRateLoad load = new FixedRateLoad();
        // Warm whichever nodes serve, then start at the first rate.
        load.run(i -> i % 2 == 0 ? page : api, FIRST_RATE, Duration.ofSeconds(10));
        Map<String, Object> steps = new LinkedHashMap<>();
        double passed = 0;
        Object bound = "no step passed";
        double rate = FIRST_RATE;
        for (int step = 0; step < MAX_STEPS; step++, rate = Math.round(rate * FACTOR)) {
            double stepRate = rate;
            LOG.info(() -> who + ": " + stepRate + " requests a second");
            Map<String, Map<Long, Long>> before = cpuTicks(cluster);
            long wallBefore = System.nanoTime();
            FixedRateLoad.Result result = load.run(i -> i % 2 == 0 ? page : api, rate, STEP);
            Map<String, Object> shares = shares(before, cpuTicks(cluster), System.nanoTime() - wallBefore);
            Map<String, Object> figures = new LinkedHashMap<>(result.toMap());
            figures.put("cpu (share of all cores)", shares);
            steps.put(String.valueOf((long) rate), figures);
            boolean within = result.errors() == 0 && result.latencies().p(99) <= P99_LIMIT_MILLIS;
            if (!within) {
                break;
            }
            passed = rate;
            bound = shares;
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("capacity_per_s", passed);
        capacity.put("bound", bound);
        capacity.put("steps", steps);
        return capacity;
    }

    /**
     * CPU ticks so far, per process of each group (a node, nginx with its workers, PostgreSQL with its backends),
     * of this JVM, and of the whole machine (busy and all).
     */
    private static Map<String, Map<Long, Long>> cpuTicks(PortalCluster cluster) throws IOException {
        Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : cluster.pids().entrySet()) {
            String group = process.getKey().startsWith("node") ? "nodes" : process.getKey();
            Map<Long, Long> perProcess = ticks.computeIfAbsent(group, g -> new LinkedHashMap<>());
            List<Long> pids = new ArrayList<>(List.of(process.getValue()));
            ProcessHandle.of(process.getValue())
                    .ifPresent(parent -> parent.descendants().forEach(child -> pids.add(child.pid())));
            pids.forEach(pid -> perProcess.put(pid, processTicks(pid)));
        }
        long self = ProcessHandle.current().pid();
        ticks.put("load generator", Map.of(self, processTicks(self)));
        long[] machine = machineTicks();
        ticks.put("machine busy", Map.of(0L, machine[0]));
        ticks.put("machine all", Map.of(0L, machine[1]));
        return ticks;
    }

    /**
     * Each group's share of all cores between two readings; a process that started meanwhile (nginx's new workers
     * after a reload, a new PostgreSQL backend) counts whole, one that ended counts nothing. What no group used is
     * "others": this machine's other processes.
     */
    private static Map<String, Object> shares(
            Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after, long wallNanos) {
        double all = used(before, after, "machine all");
        Map<String, Object> shares = new LinkedHashMap<>();
        double known = 0;
        for (String group : List.of("nodes", "postgres", "nginx", "load generator")) {
            double used = used(before, after, group);
            known += used;
            shares.put(group, percent(used / Math.max(1, all)));
        }
        double busy = used(before, after, "machine busy");
        shares.put("others", percent(Math.max(0, busy - known) / Math.max(1, all)));
        shares.put("all busy", percent(busy / Math.max(1, all)));
        shares.put("wall_s", Math.round(wallNanos / 100_000_000.0) / 10.0);
        return shares;
    }

    private static double used(Map<String, Map<Long, Long>> before, Map<String, Map<Long, Long>> after, String group) {
        Map<Long, Long> earlier = before.getOrDefault(group, Map.of());
        return after.getOrDefault(group, Map.of()).entrySet().stream()
                .mapToLong(process -> process.getValue() - earlier.getOrDefault(process.getKey(), 0L))
                .filter(ticks -> ticks > 0)
                .sum();
    }

    private static String percent(double share) {
        return String.format("%.0f%%", share * 100);
    }

    /** utime + stime from /proc/<pid>/stat (fields 14 and 15), 0 for a process that is gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command in parentheses may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The machine's busy and total ticks over all cores, from the first line of /proc/stat. */
    private static long[] machineTicks() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long all = 0;
            // user, nice, system, idle, iowait, irq, softirq, steal; guest time is already in user and nice.
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            // idle and iowait
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {all - idle, all};
        }
    }

    private Throughput() {}
}
