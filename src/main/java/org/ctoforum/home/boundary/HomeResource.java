package org.ctoforum.home.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The home page's cards, for clients that show the same start page. */
@Path("home")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Home", description = "What is new, what concerns the caller, and what waits for staff")
public class HomeResource {

    @Inject
    Home home;

    @GET
    @Operation(
            operationId = "getHome",
            summary = "The home page's cards for the caller: the next forum, latest reports, most active discussions"
                    + " and library entries; personal cards when signed in; what waits for staff")
    public HomeView get() {
        return home.forCaller();
    }
}
