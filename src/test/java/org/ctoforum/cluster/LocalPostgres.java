package org.ctoforum.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Debian's PostgreSQL 15 (or newer), as a cluster's external database would be: its own server in a temporary folder,
 * on a free loopback port, with the portal's database and user. PostgreSQL refuses to run as root, so as root the
 * server and initdb run as the {@code postgres} user; the folder is then under the system's temporary directory,
 * which that user can reach.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());
    static final String DATABASE = "portal";
    static final String USER = "portal";
    private static final String SUPERUSER = "postgres";

    private final Path bin;
    private final Path home;
    private final int port;
    private final String superPassword;
    private final String password;
    private final Thread stopOnExit = new Thread(this::stop, "cluster-postgres-stop");

    private LocalPostgres(Path bin, Path home, int port, String superPassword, String password) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.superPassword = superPassword;
        this.password = password;
    }

    /** initdb, start and create the portal's database; the server stops with {@link #close()} or the JVM. */
    static LocalPostgres start(int port) throws IOException, InterruptedException, SQLException {
        Path bin = binaries();
        Path home = Files.createTempDirectory("cto-forum-cluster-postgres");
        LocalPostgres postgres = new LocalPostgres(
                bin, home, port, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Runtime.getRuntime().addShutdownHook(postgres.stopOnExit);
        try {
            postgres.initAndStart();
            postgres.createPortalDatabase();
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** {@code -Dcluster.postgres.bin}, or the newest of Debian's PostgreSQL 15 and later. */
    private static Path binaries() {
        String configured = System.getProperty("cluster.postgres.bin", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        for (int version = 17; version >= 15; version--) {
            Path bin = Path.of("/usr/lib/postgresql", Integer.toString(version), "bin");
            if (Files.isExecutable(bin.resolve("initdb"))) {
                return bin;
            }
        }
        throw new IllegalStateException("This scenario needs PostgreSQL 15 or later: apt-get install postgresql-15"
                + " (src/test/cluster/prepare.sh does it), or -Dcluster.postgres.bin=<its bin folder>");
    }

    private void initAndStart() throws IOException, InterruptedException {
        Path passwordFile = home.resolve("superuser-password");
        Files.writeString(passwordFile, superPassword + "\n", StandardCharsets.UTF_8);
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", home.toString()));
        }
        runAsServer(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data().toString(),
                "-U",
                SUPERUSER,
                "--pwfile=" + passwordFile,
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8"));
        Files.delete(passwordFile);
        // Three nodes with up to 40 connections each, the scenario's own, and room.
        String options = "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + " -c shared_buffers=256MB -c fsync=on";
        runAsServer(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data().toString(),
                "-o",
                options,
                "-l",
                home.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "start"));
        LOG.info(() -> "PostgreSQL from " + bin + " is up on port " + port + " with data in " + data());
    }

    private void createPortalDatabase() throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, superPassword);
                Statement statement = db.createStatement()) {
            statement.execute("create user " + USER + " with password '" + password + "'");
            statement.execute("create database " + DATABASE + " owner " + USER);
        }
    }

    Path data() {
        return home.resolve("data");
    }

    /** The portal's database, as the nodes reach it. */
    String portalUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String portalPassword() {
        return password;
    }

    /** A connection as the superuser, for the scenario's own checks. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(portalUrl(), SUPERUSER, superPassword);
    }

    /** The server's process and its backends: the postmaster's pid is the first line of postmaster.pid. */
    long pid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
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
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                runAsServer(
                        List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
            }
            TimeBoxedParts.deleteTree(home);
        } catch (IOException e) {
            LOG.warning("PostgreSQL in " + home + " did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As the postgres user when root, since PostgreSQL will not run as root; as this user otherwise. */
    private void runAsServer(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cluster-postgres-command", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
