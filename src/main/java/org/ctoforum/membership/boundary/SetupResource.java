package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The first administrator, created once with the token of the setup address the portal logged at start. */
@OpenTo(OpenTo.ANYONE)
@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Setup", description = "The first administrator of a new portal")
public class SetupResource {

    @Inject
    FirstAdministrator firstAdministrator;

    @POST
    @Operation(
            operationId = "createFirstAdministrator",
            summary = "Create the first administrator {token, email, displayName, password}; the token is the last"
                    + " part of the setup address in the log, and works once")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(FirstAdministrator.SetupForm form) {
        long id = firstAdministrator.create(form);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("accountId", id).build())
                .build();
    }
}
