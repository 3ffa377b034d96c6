package org.ctoforum.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx running the shipped {@code docker/nginx-cluster.conf}, moved onto loopback: only what the containers
 * give is replaced (the user, the nodes' addresses, port 80, the files volume, the log), each of which must be found
 * as written, so the scenario runs the file that ships. Nodes can be marked {@code down} and nginx reloaded, as an
 * operator does around a planned restart.
 */
final class LoopbackNginx implements AutoCloseable {

    static final Path SHIPPED = Path.of("docker", "nginx-cluster.conf");
    /** The nodes' addresses in the shipped file, in order. */
    private static final List<String> CONTAINER_NODES =
            List.of("172.29.0.11:8080", "172.29.0.12:8080", "172.29.0.13:8080");

    private static final Pattern UPSTREAM = Pattern.compile("upstream=(\\S+(?:, \\S+)*) upstream_status=");

    private final Path home;
    private final int port;
    private final List<Integer> nodePorts;
    private final Path filesDir;
    private final Set<Integer> down = new TreeSet<>();
    private final Process process;
    private final Thread stopOnExit;

    private LoopbackNginx(Path home, int port, List<Integer> nodePorts, Path filesDir) throws IOException {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.nodePorts = List.copyOf(nodePorts);
        this.filesDir = filesDir.toAbsolutePath();
        Files.createDirectories(this.home.resolve("tmp"));
        writeConfig();
        this.process = new ProcessBuilder(
                        nginx().toString(), "-p", this.home.toString(), "-c", config().toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        this.home.resolve("nginx.out").toFile()))
                .start();
        this.stopOnExit = new Thread(this::stop, "cluster-nginx-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** nginx on 127.0.0.1:{@code port} before the nodes on {@code nodePorts}, all three up. */
    static LoopbackNginx start(Path home, int port, List<Integer> nodePorts, Path filesDir)
            throws IOException, InterruptedException {
        LoopbackNginx nginx = new LoopbackNginx(home, port, nodePorts, filesDir);
        Thread.sleep(500);
        if (!nginx.process.isAlive()) {
            throw new IllegalStateException(
                    "nginx did not start: " + Files.readString(nginx.home.resolve("nginx.out")));
        }
        return nginx;
    }

    private static Path nginx() {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new IllegalStateException(
                    "This scenario needs Debian's nginx: apt-get install nginx (src/test/cluster/prepare.sh does it)");
        }
        return nginx;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path accessLog() {
        return home.resolve("access.log");
    }

    /** Takes node {@code index} (0 to 2) out, or puts it back, and reloads; requests in flight finish. */
    void markDown(int index, boolean isDown) throws IOException, InterruptedException {
        if (isDown) {
            down.add(index);
        } else {
            down.remove(index);
        }
        writeConfig();
        reload();
    }

    /** Only node {@code index} up, or (with -1) all three. */
    void only(int index) throws IOException, InterruptedException {
        down.clear();
        if (index >= 0) {
            for (int i = 0; i < nodePorts.size(); i++) {
                if (i != index) {
                    down.add(i);
                }
            }
        }
        writeConfig();
        reload();
    }

    /**
     * SIGHUP: the master starts new workers with the new file and lets the old ones finish what they serve. Waits a
     * second, in which the new workers take over.
     */
    private void reload() throws IOException, InterruptedException {
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        if (hup.waitFor() != 0) {
            throw new IllegalStateException("Could not reload nginx " + process.pid());
        }
        Thread.sleep(1_000);
    }

    /**
     * The node that answered the request whose line in the access log contains {@code marker}, by its index; the
     * last one tried if nginx tried several. Waits up to 5 s for the line.
     */
    Optional<Integer> nodeThatAnswered(String marker) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> lines = Files.readAllLines(accessLog(), StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (!line.contains(marker)) {
                    continue;
                }
                Matcher upstream = UPSTREAM.matcher(line);
                if (!upstream.find()) {
                    return Optional.empty();
                }
                String[] tried = upstream.group(1).split(", ");
                String last = tried[tried.length - 1];
                int nodePort = Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
                int index = nodePorts.indexOf(nodePort);
                return index < 0 ? Optional.empty() : Optional.of(index);
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private Path config() {
        return home.resolve("nginx.conf");
    }

    private void writeConfig() throws IOException {
        String config = Files.readString(SHIPPED);
        Map<String, String> loopback = new LinkedHashMap<>();
        loopback.put("user portal;", "user " + System.getProperty("user.name") + ";");
        for (int i = 0; i < CONTAINER_NODES.size(); i++) {
            String server = "server " + CONTAINER_NODES.get(i) + " ";
            loopback.put(server, "server 127.0.0.1:" + nodePorts.get(i) + " " + (down.contains(i) ? "down " : ""));
        }
        loopback.put("listen 80;", "listen 127.0.0.1:" + port + ";");
        loopback.put("alias /files/;", "alias " + filesDir + "/;");
        loopback.put(
                "worker_processes auto;",
                "worker_processes auto;\nerror_log " + home.resolve("error.log") + ";\npid " + home.resolve("nginx.pid")
                        + ";");
        loopback.put(
                "access_log /var/log/nginx/access.log upstreams;",
                "access_log " + home.resolve("access.log") + " upstreams;\n    client_body_temp_path "
                        + home.resolve("tmp") + ";\n    proxy_temp_path " + home.resolve("tmp") + ";");
        // Every request of the scenario comes from 127.0.0.1, the load as well as the person who signs in: the
        // per-address caps are for a forum's crowd of addresses, and would cap the measured throughput instead.
        loopback.put("rate=50r/s;", "rate=100000r/s;");
        loopback.put("limit_conn connections_per_address 256;", "limit_conn connections_per_address 4096;");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> replaced : loopback.entrySet()) {
            if (!config.contains(replaced.getKey())) {
                missing.add(replaced.getKey());
            }
            config = config.replace(replaced.getKey(), replaced.getValue());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(SHIPPED + " no longer has " + missing);
        }
        Files.writeString(config(), config, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to.
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        // SIGTERM: nginx's fast shutdown, workers included.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
