package org.ctoforum.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged portal ({@code target/cto-forum.jar}) in its own JVM, so the benchmark measures what ships. */
public final class PackagedPortal implements AutoCloseable {

    private static final Path JAR = Path.of("target", "cto-forum.jar");
    /** Ready is seen up to this late; at 500 ms, start times read a quarter of a second long on average. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;
    /** Extra JVM options for the portal, split at spaces: a flight recording, or a garbage collector to compare. */
    private static final String EXTRA_JVM_OPTIONS = System.getProperty("bench.portal.jvm", "");

    private final Process process;
    private final int httpPort;
    private final int dbPort;
    private final String demoPassword;
    private final Path dataDir;
    private final Path log;
    private final Thread stopOnExit;
    private long readyMillis;

    private PackagedPortal(Process process, int httpPort, int dbPort, String demoPassword, Path dataDir, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.dbPort = dbPort;
        this.demoPassword = demoPassword;
        this.dataDir = dataDir;
        this.log = log;
        this.stopOnExit = new Thread(this::stop, "packaged-portal-stop");
    }

    /**
     * Starts the portal in demo mode with its embedded PostgreSQL in {@code dataDir}, and returns once
     * {@code /health/ready} answers 200. The output goes to {@code portal.log} beside {@code dataDir}. Each of
     * {@code settings} is a {@code name=value} pair passed as a system property, e.g. a raised rate limit.
     */
    public static PackagedPortal start(
            Path dataDir, int httpPort, int dbPort, String heap, Duration timeout, String... settings)
            throws IOException, InterruptedException {
        return start(dataDir, httpPort, dbPort, heap, timeout, Map.of(), settings);
    }

    /**
     * As {@link #start(Path, int, int, String, Duration, String...)}, with {@code environment} added to the portal's
     * environment: settings as an operator gives them, e.g. {@code PORTAL_CLUSTER_MEMBERS}. A system property in
     * {@code settings} wins over a variable, as in the portal itself.
     */
    public static PackagedPortal start(
            Path dataDir,
            int httpPort,
            int dbPort,
            String heap,
            Duration timeout,
            Map<String, String> environment,
            String... settings)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: package the portal first");
        }
        Path data = dataDir.toAbsolutePath();
        Files.createDirectories(data);
        Path log = data.getParent().resolve("portal.log");
        String demoPassword = "bench-" + UUID.randomUUID();
        List<String> arguments = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dportal.http.port=" + httpPort,
                "-Dportal.data.dir=" + data,
                "-Dportal.db.embedded.port=" + dbPort,
                "-Dportal.demo=true",
                "-Dportal.demo.password=" + demoPassword));
        for (String setting : settings) {
            arguments.add("-D" + setting);
        }
        for (String option : EXTRA_JVM_OPTIONS.strip().split("\\s+")) {
            if (!option.isEmpty()) {
                arguments.add(option);
            }
        }
        arguments.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder command = new ProcessBuilder(arguments)
                .redirectErrorStream(true)
                // Appended, so a restart in the same run keeps the earlier start's log.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        command.environment().putAll(environment);

        long started = System.nanoTime();
        PackagedPortal portal = new PackagedPortal(command.start(), httpPort, dbPort, demoPassword, data, log);
        Runtime.getRuntime().addShutdownHook(portal.stopOnExit);
        try {
            portal.awaitReady(timeout);
        } catch (RuntimeException | InterruptedException e) {
            portal.close();
            throw e;
        }
        portal.readyMillis = (System.nanoTime() - started) / 1_000_000;
        return portal;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The portal exited with code " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is not open yet, or Payara is still deploying.
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("The portal was not ready within " + timeout + ":\n" + logTail());
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The portal's embedded PostgreSQL, reachable while the portal runs. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + dbPort + "/portal?user=postgres";
    }

    /** The password of admin@, staff@ and member@demo.local for this start. */
    public String demoPassword() {
        return demoPassword;
    }

    /** The portal's data folder: database, files and search index. */
    public Path dataDir() {
        return dataDir;
    }

    /** The portal's output, kept across restarts in the same folder. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** From launching the JVM to the first 200 from {@code /health/ready}. */
    public long readyMillis() {
        return readyMillis;
    }

    /**
     * The token of the last link to {@code page} in a mail to {@code email}. Without a mail host the portal writes
     * each mail to its log, so that is where the link is read.
     */
    public String mailedToken(String email, String page) {
        Pattern mail = Pattern.compile(
                "Mail to " + Pattern.quote(email) + ": .*?" + Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)",
                Pattern.DOTALL);
        return lastInLog("a mail with a " + page + " link to " + email + " in the log", mail)
                .group(1);
    }

    /** The last match of {@code pattern} in the log, waiting up to 30 s for one to be written. */
    public MatchResult lastInLog(String alias, Pattern pattern) {
        return await().alias(alias)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Matcher found = pattern.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                            MatchResult last = null;
                            while (found.find()) {
                                last = found.toMatchResult();
                            }
                            return last;
                        },
                        Objects::nonNull);
    }

    /** The last lines of the portal's log, for failure messages. */
    public String logTail() {
        try {
            // Decoded leniently: Payara and PostgreSQL may log in the platform charset.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + log, e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing left to remove.
        }
    }

    /** SIGKILL, as a crash would: no shutdown hook, no clean close of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        close();
    }

    /** SIGTERM first, so Payara and the embedded PostgreSQL shut down cleanly; a kill only if that hangs. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
