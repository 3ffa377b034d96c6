package org.ctoforum.launcher;

import static org.ctoforum.platform.settings.PortalSetting.BASE_URL;
import static org.ctoforum.platform.settings.PortalSetting.CLUSTER_INTERFACE;
import static org.ctoforum.platform.settings.PortalSetting.CLUSTER_MEMBERS;
import static org.ctoforum.platform.settings.PortalSetting.CLUSTER_NAME;
import static org.ctoforum.platform.settings.PortalSetting.CLUSTER_PASSWORD;
import static org.ctoforum.platform.settings.PortalSetting.CLUSTER_PORT;
import static org.ctoforum.platform.settings.PortalSetting.DATA_DIR;
import static org.ctoforum.platform.settings.PortalSetting.DB_EMBEDDED_PORT;
import static org.ctoforum.platform.settings.PortalSetting.DB_PASSWORD;
import static org.ctoforum.platform.settings.PortalSetting.DB_URL;
import static org.ctoforum.platform.settings.PortalSetting.DB_USER;
import static org.ctoforum.platform.settings.PortalSetting.DEMO;
import static org.ctoforum.platform.settings.PortalSetting.HTTP_PORT;
import static org.ctoforum.platform.settings.PortalSetting.HTTP_REQUEST_TIMEOUT_SECONDS;
import static org.ctoforum.platform.settings.PortalSetting.NODE_NAME;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.ctoforum.platform.settings.PortalSetting;

/**
 * {@code java -jar cto-forum.jar}: checks the settings, starts the embedded PostgreSQL unless an external one is
 * configured while Payara Micro boots, then deploys the WAR beside this jar and waits until the portal answers as
 * ready.
 */
public final class PortalLauncher {

    private static final Logger LOG = Logger.getLogger(PortalLauncher.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Room for a request head with an over-long address, which the portal then refuses with a 414 of its own. */
    private static final int HEADER_BUFFER_BYTES = 64 * 1024;
    /** How a readiness check says it will not recover, as DemoReadiness does when the demo content failed. */
    private static final Pattern GAVE_UP = Pattern.compile("\"state\"\\s*:\\s*\"failed\"");

    public static void main(String[] args) throws Exception {
        Map<PortalSetting, String> settings = resolveSettings();
        List<String> problems = new ArrayList<>(PortalSetting.problems(settings::get));
        problems.addAll(clusterProblems(settings));
        if (!problems.isEmpty()) {
            System.err.println("The portal cannot start; fix these settings:");
            problems.forEach(problem -> System.err.println("  " + problem));
            System.exit(2);
        }

        boolean embedded = settings.get(DB_URL).isBlank();
        CompletableFuture<EmbeddedDatabase> database = CompletableFuture.completedFuture(null);
        if (embedded) {
            Path directory = Path.of(settings.get(DATA_DIR)).resolve("postgres");
            int port = Integer.parseInt(settings.get(DB_EMBEDDED_PORT));
            // Started beside Payara's boot, which needs no database; the WAR is deployed once it is up.
            database = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(directory, port), runner());
            settings.put(DB_URL, EmbeddedDatabase.jdbcUrl(port));
            settings.put(DB_USER, EmbeddedDatabase.USER);
            settings.put(DB_PASSWORD, "");
        }
        if (settings.get(DEMO).equals("auto")) {
            settings.put(DEMO, Boolean.toString(embedded));
        }
        if (settings.get(NODE_NAME).isBlank()) {
            settings.put(NODE_NAME, PortalSetting.defaultNodeName());
        }
        if (settings.get(BASE_URL).isBlank()) {
            settings.put(BASE_URL, "http://localhost:" + settings.get(HTTP_PORT));
        }
        // The WAR reads the same keys through MicroProfile Config, where system properties win.
        settings.forEach((setting, value) -> System.setProperty(setting.key(), value));

        Path war = warBesideThisJar();
        List<String> payaraArgs = new ArrayList<>(List.of(
                "--port",
                settings.get(HTTP_PORT),
                "--prebootcommandfile",
                listenerCommands(settings).toString(),
                "--disablephonehome"));
        payaraArgs.addAll(gridOptions(settings));
        payaraArgs.addAll(List.of(args));
        LOG.info("Starting Payara Micro");
        PayaraMicro.main(payaraArgs.toArray(String[]::new));
        awaitDatabase(database);
        LOG.info("Deploying " + war);
        if (!PayaraMicro.getInstance().getRuntime().deploy("ROOT", "/", war.toFile())) {
            System.err.println("The portal did not deploy; see the log above for why.");
            System.exit(1);
        }

        awaitReady(settings.get(HTTP_PORT), settings.get(BASE_URL));
    }

    /**
     * A cluster shares one external database, and its members must agree on a name and a password. Without members
     * the node runs alone.
     */
    static List<String> clusterProblems(Map<PortalSetting, String> settings) {
        if (settings.get(CLUSTER_MEMBERS).isBlank()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (settings.get(DB_URL).isBlank()) {
            problems.add(CLUSTER_MEMBERS.environmentVariable() + " is set, but " + DB_URL.environmentVariable()
                    + " is not: a cluster needs an external PostgreSQL that every node reaches, and the embedded"
                    + " one lives inside one node's data folder");
        }
        if (settings.get(CLUSTER_PASSWORD).isBlank()) {
            problems.add(
                    CLUSTER_MEMBERS.environmentVariable() + " is set, but " + CLUSTER_PASSWORD.environmentVariable()
                            + " is not: without a password any process that reaches the grid port could join the cluster");
        }
        return problems;
    }

    /**
     * Payara's Hazelcast grid. Alone, it stays off, so nothing joins by multicast. In a cluster: tcpip discovery of
     * the listed members only. Hazelcast 5's open edition has no member authentication, so the password is folded
     * into the cluster name it checks at join: a member that does not know it never joins. Host-aware backups are
     * off, or nodes sharing a host (as in the loopback scenario) would keep no backup of each other's sessions.
     */
    static List<String> gridOptions(Map<PortalSetting, String> settings) {
        String members = settings.get(CLUSTER_MEMBERS).replaceAll("\\s", "");
        if (members.isEmpty()) {
            return List.of("--nohazelcast");
        }
        List<String> options = new ArrayList<>(List.of(
                "--clustermode",
                "tcpip:" + members,
                "--clustername",
                gridName(settings.get(CLUSTER_NAME), settings.get(CLUSTER_PASSWORD)),
                "--startport",
                settings.get(CLUSTER_PORT),
                "--nohostaware",
                "--name",
                settings.get(NODE_NAME)));
        if (!settings.get(CLUSTER_INTERFACE).isBlank()) {
            options.addAll(List.of("--interfaces", settings.get(CLUSTER_INTERFACE)));
        }
        return options;
    }

    /** The cluster's name with a digest of its password: equal only for members given both. */
    static String gridName(String name, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + "\n" + password).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A thread of its own, so that starting PostgreSQL never waits for a pool. */
    private static Executor runner() {
        return task -> new Thread(task, "embedded-postgres-start").start();
    }

    /** Waits for the embedded database, if any, and stops it with the JVM; a database that failed ends the start. */
    private static void awaitDatabase(CompletableFuture<EmbeddedDatabase> starting) {
        EmbeddedDatabase database;
        try {
            database = starting.join();
        } catch (CompletionException e) {
            System.err.println("The portal cannot start: " + e.getCause().getMessage());
            e.getCause().printStackTrace();
            System.exit(1);
            return;
        }
        if (database != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
    }

    /**
     * Payara's HTTP listener, set before it starts. The request timeout is how long one request may hold a worker
     * thread: Grizzly interrupts it after that, so a body that trickles in, or a client that reads nothing, cannot
     * keep a thread for ever. Grizzly refuses a DELETE with a body by default (a bare 400); the API takes a reason
     * with some deletions, such as a revoked grant. Grizzly answers a bare 400 to a request head over its header
     * buffer (8 KiB by default), so the buffer is raised and the portal answers a long address with its own 414 (see
     * RequestTargetLimit). The tests' Payara reads the same from payara-preboot.asadmin.
     */
    /**
     * Alone, a distributable WAR would still look for the Hazelcast session store on every request and log that
     * Hazelcast is off; sessions then stay in this node's memory.
     */
    static final String SESSIONS_IN_MEMORY =
            "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false";

    private static Path listenerCommands(Map<PortalSetting, String> settings) throws IOException {
        Path commands = Files.createTempFile("portal-listener", ".asadmin");
        commands.toFile().deleteOnExit();
        String http = "set configs.config.server-config.network-config.protocols.protocol.http-listener.http";
        Files.writeString(
                commands,
                http + ".request-timeout-seconds=" + settings.get(HTTP_REQUEST_TIMEOUT_SECONDS) + "\n" + http
                        + ".allow-payload-for-undefined-http-methods=true\n" + http
                        + ".header-buffer-length-bytes=" + HEADER_BUFFER_BYTES + "\n"
                        + (settings.get(CLUSTER_MEMBERS).isBlank() ? SESSIONS_IN_MEMORY + "\n" : ""));
        return commands;
    }

    private static Map<PortalSetting, String> resolveSettings() {
        Map<PortalSetting, String> settings = new EnumMap<>(PortalSetting.class);
        for (PortalSetting setting : PortalSetting.values()) {
            settings.put(setting, setting.resolve(System::getProperty, System::getenv));
        }
        return settings;
    }

    private static Path warBesideThisJar() throws URISyntaxException {
        Path jar = Path.of(PortalLauncher.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path war = jar.getParent().resolve("ROOT.war");
        if (!Files.isRegularFile(war)) {
            System.err.println("The portal cannot start: " + war + " is missing. Run ./mvnw package first.");
            System.exit(2);
        }
        return war;
    }

    /** Micro says "ready" even when the deployment failed, so ask the portal itself. */
    private static void awaitReady(String port, String baseUrl) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        String last = "no answer";
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    System.out.println();
                    System.out.println("CTO Forum Portal is ready at " + baseUrl);
                    // Set by the portal in this same process while no administrator exists.
                    String setup = System.getProperty("portal.setup.url");
                    if (setup != null) {
                        System.out.println("Create the first administrator at " + setup);
                    }
                    System.out.println();
                    return;
                }
                if (response.statusCode() == 404 || gaveUp(response.body())) {
                    // On 404, Payara has finished deploying and no application answers: the deployment failed.
                    break;
                }
            } catch (java.io.IOException notYet) {
                // The port is not open yet.
            }
            Thread.sleep(500);
        }
        System.err.println(
                "The portal did not become ready; see the log above for why. Its last readiness answer: " + last);
        System.exit(1);
    }

    /** True when a readiness answer says a check has failed for good, so waiting longer only delays the error. */
    static boolean gaveUp(String readinessAnswer) {
        return GAVE_UP.matcher(readinessAnswer).find();
    }

    private PortalLauncher() {}
}
