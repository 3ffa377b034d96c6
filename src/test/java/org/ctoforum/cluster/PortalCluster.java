package org.ctoforum.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Three nodes of the packaged portal on loopback, in one Hazelcast cluster of their own (a name and password unique
 * to the run), with Debian's PostgreSQL and nginx running the shipped {@code docker/nginx-cluster.conf}. The nodes get
 * the cluster settings as an operator gives them, by environment variable; each has its own data folder (its search
 * index) and all share one files folder.
 */
final class PortalCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PortalCluster.class.getName());

    static final int NODES = 3;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String HEAP = System.getProperty("cluster.node.heap", "512m");
    /** "together" starts the three at once; "one-by-one" waits for the first before the others. */
    private static final String START = System.getProperty("cluster.start", "together");
    /** "all" sets PORTAL_DEMO=true on every node, so that the demo must load once however many ask; "first" on one. */
    private static final String DEMO_NODES = System.getProperty("cluster.demo.nodes", "all");

    private static final int FIRST_PORT = 21_000;
    private static final int LAST_PORT = 30_000;
    private static final Random RANDOM = new Random();

    /** Payara's "Data Grid Status" at boot, and Hazelcast's own membership lines when its log is on. */
    private static final Pattern MEMBERS = Pattern.compile("DG Size: (\\d+)|Members \\{size:(\\d+)");

    /** One node's fixed place: its ports and folder stay the same across restarts. */
    record Node(int index, String name, int httpPort, int hazelcastPort, Path work) {
        Path dataDir() {
            return work.resolve("data");
        }

        String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }
    }

    private final Path work;
    private final LocalPostgres database;
    private final List<Node> nodes;
    private final Path files;
    private final String clusterName =
            "cto-forum-scenario-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clusterPassword = UUID.randomUUID().toString();
    private final String demoPassword = "cluster-" + UUID.randomUUID();
    private final PackagedPortal[] running = new PackagedPortal[NODES];
    private final Map<String, Object> startFigures = new LinkedHashMap<>();
    private final List<String> failedStarts = new CopyOnWriteArrayList<>();
    private LoopbackNginx nginx;
    private List<Portal> directs;
    private Portal proxied;

    private PortalCluster(Path work, LocalPostgres database, List<Node> nodes) {
        this.work = work;
        this.database = database;
        this.nodes = nodes;
        this.files = work.resolve("files").toAbsolutePath();
    }

    /** PostgreSQL, then the three nodes (see {@code cluster.start}), then nginx. */
    static PortalCluster start(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        Files.createDirectories(work);
        List<Integer> ports = freePorts(2 * NODES + 2);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(new Node(
                    i,
                    "node" + (i + 1),
                    ports.get(i),
                    ports.get(NODES + i),
                    work.resolve("node" + (i + 1)).toAbsolutePath()));
        }
        LocalPostgres database = LocalPostgres.start(ports.get(2 * NODES));
        PortalCluster cluster = new PortalCluster(work, database, nodes);
        try {
            Files.createDirectories(cluster.files);
            cluster.nginx = LoopbackNginx.start(
                    work.resolve("nginx"),
                    ports.get(2 * NODES + 1),
                    nodes.stream().map(Node::httpPort).toList(),
                    cluster.files);
            cluster.directs = nodes.stream().map(node -> portal(node.baseUrl())).toList();
            cluster.proxied = portal(cluster.nginx.baseUrl());
            cluster.startNodes();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startNodes() throws Exception {
        long started = System.nanoTime();
        if (START.equals("one-by-one")) {
            startNode(0);
            CompletableFuture.allOf(startLater(1), startLater(2)).join();
        } else {
            CompletableFuture.allOf(startLater(0), startLater(1), startLater(2)).join();
        }
        startFigures.put("start", START);
        startFigures.put("demo_on", DEMO_NODES.equals("all") ? "every node" : "the first node");
        startFigures.put("all_ready_ms", (System.nanoTime() - started) / 1_000_000);
        for (int i = 0; i < NODES; i++) {
            startFigures.put(nodes.get(i).name() + "_ready_ms", running[i].readyMillis());
        }
    }

    private CompletableFuture<Void> startLater(int index) {
        return CompletableFuture.runAsync(() -> {
            try {
                startNode(index);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * Starts node {@code index} (again), and answers once it is ready; its log is appended to. A start that fails is
     * tried once more, as an orchestrator restarts a container that exited, and recorded ({@link #failedStarts()}).
     */
    PackagedPortal startNode(int index) throws IOException, InterruptedException {
        try {
            return startOnce(index);
        } catch (IllegalStateException failed) {
            String first = failed.getMessage().lines().findFirst().orElse("");
            failedStarts.add(nodes.get(index).name() + " at " + LocalTime.now().withNano(0) + ": " + first);
            LOG.warning(() -> nodes.get(index).name() + " did not start (" + first + "); trying once more");
            return startOnce(index);
        }
    }

    /** Starts every node that is not running, e.g. after a part failed while one was down. */
    void startMissing() throws IOException, InterruptedException {
        for (int i = 0; i < NODES; i++) {
            if (running[i] == null) {
                startNode(i);
            }
        }
    }

    /** The starts that failed and were tried again, so far. */
    List<String> failedStarts() {
        return List.copyOf(failedStarts);
    }

    private PackagedPortal startOnce(int index) throws IOException, InterruptedException {
        Node node = nodes.get(index);
        boolean demo = DEMO_NODES.equals("all") || index == 0;
        LOG.info(() -> "Starting " + node.name() + " on port " + node.httpPort());
        PackagedPortal portal = PackagedPortal.start(
                node.dataDir(),
                node.httpPort(),
                // Not used: the nodes take the external database.
                freePorts(1).get(0),
                HEAP,
                START_TIMEOUT,
                environment(node),
                "portal.demo=" + demo,
                "portal.demo.password=" + demoPassword,
                // The load writes faster than a person may; the searches-per-minute limit of an account stays as
                // shipped, for the limits part, while the per-address one (every client here is 127.0.0.1) is off.
                "portal.discussions.posts-per-minute=100000",
                "portal.discussions.posts-per-minute-per-address=100000",
                "portal.limits.searches-per-minute-per-address=100000");
        running[index] = portal;
        LOG.info(() -> node.name() + " is ready after " + portal.readyMillis() + " ms");
        return portal;
    }

    private Map<String, String> environment(Node node) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(
                "PORTAL_CLUSTER_MEMBERS",
                nodes.stream().map(n -> "127.0.0.1:" + n.hazelcastPort()).collect(Collectors.joining(",")));
        environment.put("PORTAL_CLUSTER_NAME", clusterName);
        environment.put("PORTAL_CLUSTER_PASSWORD", clusterPassword);
        environment.put("PORTAL_CLUSTER_PORT", Integer.toString(node.hazelcastPort()));
        environment.put("PORTAL_CLUSTER_INTERFACE", "127.0.0.1");
        environment.put("PORTAL_NODE_NAME", node.name());
        environment.put("PORTAL_FILES_DIR", files.toString());
        environment.put("PORTAL_DB_URL", database.portalUrl());
        environment.put("PORTAL_DB_USER", LocalPostgres.USER);
        environment.put("PORTAL_DB_PASSWORD", database.portalPassword());
        environment.put("PORTAL_BASE_URL", nginx.baseUrl());
        environment.put("PORTAL_DOWNLOADS_ACCEL_REDIRECT", "/internal-files/");
        environment.put("PORTAL_PROXY_TRUSTED_ADDRESSES", "127.0.0.1");
        return environment;
    }

    /** SIGKILL, as a crash: no shutdown hook, Hazelcast learns of it by its heartbeat. */
    void kill(int index) throws InterruptedException {
        if (running[index] != null) {
            running[index].kill();
            running[index] = null;
        }
    }

    /** SIGTERM: Payara and Hazelcast shut down cleanly, handing the node's partitions over. */
    void stop(int index) {
        if (running[index] != null) {
            running[index].close();
            running[index] = null;
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    PackagedPortal running(int index) {
        return running[index];
    }

    boolean isRunning(int index) {
        return running[index] != null;
    }

    /** A client straight to node {@code index}, past nginx. */
    Portal direct(int index) {
        return directs.get(index);
    }

    /** A client through nginx. */
    Portal proxied() {
        return proxied;
    }

    static Portal portal(String base) {
        try {
            return new Portal(URI.create(base + "/").toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(base, e);
        }
    }

    LoopbackNginx nginx() {
        return nginx;
    }

    LocalPostgres database() {
        return database;
    }

    String demoPassword() {
        return demoPassword;
    }

    Map<String, Object> startFigures() {
        return startFigures;
    }

    /** How many members node {@code index} last said its Hazelcast cluster had; 0 when it never said. */
    int membersSeenBy(int index) throws IOException {
        Matcher found = MEMBERS.matcher(log(index));
        int size = 0;
        while (found.find()) {
            size = Integer.parseInt(found.group(1) != null ? found.group(1) : found.group(2));
        }
        return size;
    }

    /** Node {@code index}'s whole log so far, restarts included. */
    String log(int index) throws IOException {
        Path log = nodes.get(index).work().resolve("portal.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    /** The pids of the running nodes, nginx and PostgreSQL, for the CPU they use. */
    Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < NODES; i++) {
            if (running[i] != null) {
                pids.put(nodes.get(i).name(), running[i].pid());
            }
        }
        pids.put("nginx", nginx.pid());
        pids.put("postgres", database.pid());
        return pids;
    }

    @Override
    public void close() {
        for (int i = 0; i < NODES; i++) {
            if (running[i] != null) {
                running[i].close();
                running[i] = null;
            }
        }
        if (nginx != null) {
            nginx.close();
        }
        database.close();
        LOG.info(() -> "The cluster in " + work + " is stopped");
    }

    /**
     * Ports free on loopback now, below the range the system hands out for outgoing connections (32768 and up on
     * Linux), so that no client's socket takes a node's port while the node restarts.
     */
    static List<Integer> freePorts(int count) {
        List<Integer> free = new ArrayList<>();
        int port = FIRST_PORT + RANDOM.nextInt(LAST_PORT - FIRST_PORT);
        for (int tried = 0; free.size() < count && tried < LAST_PORT - FIRST_PORT; tried++) {
            port = port + 1 >= LAST_PORT ? FIRST_PORT : port + 1;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                free.add(port);
            } catch (IOException taken) {
                // Try the next one.
            }
        }
        if (free.size() < count) {
            throw new IllegalStateException("Fewer than " + count + " free ports from " + FIRST_PORT);
        }
        return free;
    }
}
