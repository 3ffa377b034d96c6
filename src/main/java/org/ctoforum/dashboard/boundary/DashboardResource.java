package org.ctoforum.dashboard.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenTo(Role.Names.STAFF)
@Path("admin/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard (staff)", description = "The figures behind the staff dashboard's charts")
public class DashboardResource {

    @Inject
    Dashboard dashboard;

    @GET
    @Operation(
            operationId = "getDashboardFigures",
            summary = "Downloads per report per month, registrations per edition, posts per week per category, and"
                    + " the most common searches and those that found nothing (last 30 days)")
    public Dashboard.Figures figures() {
        return dashboard.figures();
    }
}
