package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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

/** The invited person's side: what an invitation is for, and accepting it, by the mailed token. */
@OpenTo(OpenTo.ANYONE)
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Inviting people by address, with roles and a membership period")
public class InvitationAcceptanceResource {

    @Inject
    InvitationAcceptance invitations;

    @POST
    @Path("lookup")
    @Operation(
            operationId = "lookUpInvitation",
            summary = "What a mailed invitation {token} is for, while it can be accepted")
    public InvitationAcceptance.OpenInvitation lookup(JsonObject body) {
        return invitations.open(body == null ? null : body.getString("token", null));
    }

    @POST
    @Path("acceptance")
    @Operation(
            operationId = "acceptInvitation",
            summary = "Accept an invitation {token, password, displayName?}; the account can then sign in")
    @APIResponse(responseCode = "201", description = "Created")
    public Response accept(InvitationAcceptance.Acceptance acceptance) {
        long accountId = invitations.accept(acceptance);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("accountId", accountId).build())
                .build();
    }
}
