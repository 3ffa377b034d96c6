package org.ctoforum.platform.demo;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the demo content loads, so nobody is sent to a portal without its demo accounts and reports. */
@Readiness
@ApplicationScoped
public class DemoReadiness implements HealthCheck {

    @EJB
    DemoContent demoContent;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("demo-content");
        CompletableFuture<Void> loading = demoContent.loading();
        if (!loading.isDone()) {
            return response.down().withData("state", "loading").build();
        }
        try {
            loading.join();
            return response.up().build();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return response.down()
                    .withData("state", "failed")
                    .withData("error", String.valueOf(cause.getMessage()))
                    .build();
        }
    }
}
