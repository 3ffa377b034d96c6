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
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    @Inject
    Settings settings;

    @Inject
    Instance<DemoSeed> seeds;

    @Resource
    ManagedExecutorService executor;

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

    private void load() {
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
