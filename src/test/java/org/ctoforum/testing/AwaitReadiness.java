package org.ctoforum.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Holds each test class back until the portal it deployed answers {@code /health/ready}: the demo content loads
 * after the deployment, as it does for a real start.
 */
public class AwaitReadiness implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(AwaitReadiness.class.getName());
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Deployed.class);
    }

    public static class Deployed {

        @Inject
        Instance<ProtocolMetaData> protocol;

        public void awaitReady(@Observes AfterDeploy event) {
            HTTPContext http =
                    protocol.get().getContexts(HTTPContext.class).iterator().next();
            HttpRequest ready = HttpRequest.newBuilder(
                            URI.create("http://" + http.getHost() + ":" + http.getPort() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            HttpClient client = HttpClient.newHttpClient();
            AtomicReference<String> last = new AtomicReference<>("no answer");
            long started = System.nanoTime();
            try {
                // In Arquillian's own thread, as before: no poller thread, no JVM-wide uncaught exception handler.
                await().atMost(TIMEOUT)
                        .pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> {
                            try {
                                HttpResponse<String> answer = client.send(ready, HttpResponse.BodyHandlers.ofString());
                                if (answer.statusCode() == 200) {
                                    return true;
                                }
                                last.set(answer.statusCode() + " " + answer.body());
                            } catch (IOException e) {
                                last.set(e.toString());
                            }
                            return false;
                        });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException(
                        "The deployed portal was not ready within " + TIMEOUT + ": " + last.get(), e);
            }
            LOG.info(() -> "The deployed portal was ready " + (System.nanoTime() - started) / 1_000_000
                    + " ms after its deployment");
        }
    }
}
