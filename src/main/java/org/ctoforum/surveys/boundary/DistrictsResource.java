package org.ctoforum.surveys.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Districts, their profiles, and which accounts speak for them (staff). */
@Path("districts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
@OpenTo(Role.Names.STAFF)
public class DistrictsResource {

    @Inject
    Districts districts;

    @GET
    @Operation(operationId = "searchDistricts", summary = "Districts whose name holds ?q=, by name (staff)")
    public List<Districts.DistrictView> search(@QueryParam("q") String words) {
        return districts.search(words);
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "updateDistrict",
            summary = "Edit a district's profile (staff): {name, state, enrollment, locale, region}")
    public Districts.DistrictView update(@PathParam("id") long id, Districts.DistrictForm form) {
        return districts.update(id, form);
    }

    @GET
    @Path("members")
    @Operation(
            operationId = "listDistrictMembers",
            summary = "Accounts and their districts, those awaiting confirmation first: ?pending=true (staff)")
    public List<Districts.MemberView> members(@QueryParam("pending") boolean pending) {
        return districts.members(pending);
    }

    @POST
    @Path("members/{accountId}/confirmation")
    @Operation(
            operationId = "confirmDistrictMember",
            summary = "Confirm that an account speaks for the district it named (staff)")
    public Districts.MemberView confirm(@PathParam("accountId") long accountId) {
        return districts.confirm(accountId);
    }

    @DELETE
    @Path("members/{accountId}")
    @Operation(
            operationId = "removeDistrictMember",
            summary = "Take back that an account speaks for its district (staff): it can no longer answer or compare")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response remove(@PathParam("accountId") long accountId) {
        districts.remove(accountId);
        return Response.noContent().build();
    }
}
