package org.ctoforum.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cheapest JSON endpoint: no database, no sign-in. Clients use it to check they reach the API; benchmarks use it
 * as the floor that a page's cost is stated against.
 */
@Path("ping")
@Tag(name = "Portal", description = "Whether the portal answers")
public class PingResource {

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Answers {status: ok, time} without touching the database")
    public Map<String, String> ping() {
        return Map.of("status", "ok", "time", Instant.now(clock).toString());
    }
}
