package org.ctoforum.reports.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff's queue of purchase and press requests, and each requester's own list. */
@Path("access-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class AccessRequestsResource {

    @Inject
    AccessRequests requests;

    @GET
    @Operation(
            operationId = "listAccessRequests",
            summary = "Requests by status (staff): ?status=PENDING | APPROVED | DECLINED&reportId=")
    @OpenTo(Role.Names.STAFF)
    public List<AccessRequests.RequestView> list(
            @QueryParam("status") String status, @QueryParam("reportId") Long reportId) {
        return requests.list(status, reportId);
    }

    @GET
    @Path("mine")
    @Operation(operationId = "listMyAccessRequests", summary = "The caller's own requests")
    @OpenTo(OpenTo.SIGNED_IN)
    public List<AccessRequests.RequestView> mine() {
        return requests.mine();
    }

    @POST
    @Path("{id}/approve")
    @Operation(
            operationId = "approveAccessRequest",
            summary = "Approve and grant (staff): {reference} (the payment reference, required for purchases)")
    @OpenTo(Role.Names.STAFF)
    public AccessRequests.RequestView approve(@PathParam("id") long id, JsonObject body) {
        return requests.approve(id, body == null ? null : body.getString("reference", null));
    }

    @POST
    @Path("{id}/decline")
    @Operation(operationId = "declineAccessRequest", summary = "Decline (staff): {reason}")
    @OpenTo(Role.Names.STAFF)
    public AccessRequests.RequestView decline(@PathParam("id") long id, JsonObject body) {
        return requests.decline(id, body == null ? null : body.getString("reason", null));
    }
}
