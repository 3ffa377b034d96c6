package org.ctoforum.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server from the zonky binaries, kept in a data directory between runs. It must be up before
 * Payara deploys the WAR, because Payara connects the persistence unit while it prepares the deployment.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    public static final String DATABASE = "portal";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server in {@code directory} (created on first use) and makes sure the portal's database exists. */
    public static EmbeddedDatabase start(Path directory, int port) {
        requireFree(port);
        try {
            Files.createDirectories(directory);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createPortalDatabase();
            LOG.info(() -> String.format(
                    "Embedded PostgreSQL is up on port %d with data in %s (%d ms)",
                    port, directory.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + directory, e);
        }
    }

    /**
     * PostgreSQL cannot listen on a port that something else holds, and zonky would then wait for ever on whatever
     * answers there; so the start ends at once, saying what to do.
     */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException held) {
            throw new IllegalStateException("Port " + port + " is already in use, so the embedded PostgreSQL cannot"
                    + " listen on it. Stop what holds it (a portal killed without stopping leaves its PostgreSQL"
                    + " running: a postgres process with -D ending in /postgres), or set PORTAL_DB_EMBEDDED_PORT to a"
                    + " free port.");
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    /** Where the portal's database will be, known before the server is up. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER;
    }

    private void createPortalDatabase() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
                LOG.info("Created the database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
