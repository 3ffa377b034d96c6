package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff's invitations: invite, list, resend and revoke. */
@Path("admin/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Inviting people by address, with roles and a membership period")
public class InvitationsResource {

    @Inject
    Invitations invitations;

    @POST
    @OpenTo(Role.Names.STAFF)
    @Operation(
            operationId = "invite",
            summary = "Invite {email, displayName?, roles?, membership: {start, expiry}?}; the person gets a link to"
                    + " choose a password, which confirms the address")
    @APIResponse(responseCode = "201", description = "Created")
    public Response invite(Invitations.InvitationForm form, @Context UriInfo uri) {
        Invitations.InvitationView created = invitations.invite(form);
        return Response.created(
                        uri.getBaseUriBuilder().path("admin/invitations/{id}").build(created.id()))
                .entity(created)
                .build();
    }

    @GET
    @OpenTo(Role.Names.STAFF)
    @Operation(
            operationId = "listInvitations",
            summary = "Invitations, newest first; status=PENDING, ACCEPTED, EXPIRED or REVOKED for one kind")
    public List<Invitations.InvitationView> list(@QueryParam("status") String status) {
        return invitations.list(status);
    }

    @POST
    @Path("{id}/resend")
    @OpenTo(Role.Names.STAFF)
    @Operation(
            operationId = "resendInvitation",
            summary = "Send an invitation again with a new link and a new period; the old link stops working")
    public Invitations.InvitationView resend(@PathParam("id") long id) {
        return invitations.resend(id);
    }

    @DELETE
    @Path("{id}")
    @OpenTo(Role.Names.STAFF)
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation that is not accepted yet")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response revoke(@PathParam("id") long id) {
        invitations.revoke(id);
        return Response.noContent().build();
    }
}
