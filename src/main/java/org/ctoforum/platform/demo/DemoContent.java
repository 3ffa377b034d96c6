package org.ctoforum.platform.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ctoforum.platform.database.PortalDataSource;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * In demo mode, loads the demo content from seeds/ at start and prints the portal's address and the demo accounts.
 * Off by default with an external database, so production never gets demo passwords.
 *
 * <p>The content loads on a pool thread while the web container starts, which saves a second and a half of the cold
 * start on two cores; {@link DemoReadiness} keeps the portal not ready until it is loaded.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
    /** The advisory lock held while one node loads the demo content. */
    private static final long LOCK = 0xDE70_0001L;

    @Inject
    Settings settings;

    @Inject
    Instance<DemoSeed> seeds;

    @Resource
    ManagedExecutorService executor;

    /** Outside transactions: the lock is held on this one connection while the seeds run in their own. */
    @Resource(lookup = PortalDataSource.OUTSIDE_TRANSACTIONS_JNDI_NAME)
    DataSource dataSource;

    private volatile CompletableFuture<Void> loading = CompletableFuture.completedFuture(null);

    @PostConstruct
    void start() {
        if (!settings.demo()) {
            LOG.info("Demo mode is off: no demo content or accounts");
            return;
        }
        loading = CompletableFuture.runAsync(this::load, executor).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.log(Level.SEVERE, "Demo content did not load; the portal stays not ready", failure);
            }
        });
    }

    /**
     * Done when the content is loaded or demo mode is off; failed with the reason if a seed failed. A copy, so that no
     * caller can complete it.
     */
    public CompletableFuture<Void> loading() {
        return loading.copy();
    }

    /**
     * One node at a time, across the cluster: the others wait on the lock. In a cluster, the first node's load is
     * the only one, marked in {@code demo_load}; alone, each start loads again, as the seeds are idempotent and
     * give the demo accounts this start's password.
     */
    private void load() {
        try (Connection connection = dataSource.getConnection()) {
            awaitLock(connection);
            try {
                Optional<String> loadedBy = loadedBy(connection);
                if (settings.clustered() && loadedBy.isPresent()) {
                    LOG.info(() -> "Demo content: " + loadedBy.get() + "; this node does not load it again");
                    return;
                }
                seedAll();
                try (PreparedStatement mark = connection.prepareStatement("insert into demo_load (id, node)"
                        + " values (1, ?) on conflict (id) do update set node = excluded.node, loaded_at = now()")) {
                    mark.setString(1, settings.nodeName());
                    mark.executeUpdate();
                }
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.executeQuery().close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The demo content's lock could not be taken: " + e.getMessage(), e);
        }
    }

    /** Polls rather than blocks: a blocked query would outlast the pool's socket timeout while another node loads. */
    private static void awaitLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            boolean waiting = false;
            while (true) {
                try (ResultSet taken = lock.executeQuery()) {
                    taken.next();
                    if (taken.getBoolean(1)) {
                        return;
                    }
                }
                if (!waiting) {
                    LOG.info("Demo content: another node is loading it; waiting");
                    waiting = true;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while another node loaded the demo content", e);
                }
            }
        }
    }

    private static Optional<String> loadedBy(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select node, loaded_at from demo_load");
                ResultSet row = query.executeQuery()) {
            return row.next()
                    ? Optional.of(
                            "loaded by node " + row.getString(1) + " at " + row.getObject(2, OffsetDateTime.class))
                    : Optional.empty();
        }
    }

    private void seedAll() {
        String configured = settings.text(PortalSetting.DEMO_PASSWORD);
        String password = configured.isEmpty() ? randomPassword() : configured;
        DemoContext context = new DemoContext(password);
        seeds.handlesStream()
                .sorted(Comparator.comparingInt(seed -> seed.get().order()))
                .forEach(seed -> {
                    long started = System.nanoTime();
                    seed.get().seed(context);
                    LOG.info(() ->
                            "Demo content: " + seed.getBean().getBeanClass().getSimpleName() + " done in "
                                    + (System.nanoTime() - started) / 1_000_000 + " ms");
                });
        StringBuilder banner = new StringBuilder("\n\n  CTO Forum Portal (demo mode) at ")
                .append(settings.baseUrl())
                .append("\n  Demo accounts:\n");
        context.demoAccounts()
                .forEach(account -> banner.append("    ").append(account).append('\n'));
        banner.append("  Password of every demo account: ")
                .append(
                        configured.isEmpty()
                                ? password + " (random: set PORTAL_DEMO_PASSWORD to choose one)"
                                : "the value of PORTAL_DEMO_PASSWORD")
                .append('\n');
        LOG.info(banner::toString);
    }

    private static String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
