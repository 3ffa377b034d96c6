package org.ctoforum.search.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The index for staff: its state, a rebuild with progress, and the synonyms. */
@OpenTo(Role.Names.STAFF)
@Path("admin/search")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Search (staff)", description = "Index status, rebuild and synonyms")
public class SearchAdminResource {

    @Inject
    SearchAdmin admin;

    @Inject
    Synonyms synonyms;

    @GET
    @Operation(
            operationId = "getSearchIndexStatus",
            summary = "The index: documents, how far it follows the change log, and the last or running rebuild")
    public SearchAdmin.Status status() {
        return admin.status();
    }

    @POST
    @Path("reindex")
    @Operation(
            operationId = "rebuildSearchIndex",
            summary = "Rebuild the index from the database in the background",
            description = "Answers 202 with the status; poll GET /api/admin/search until rebuild.running is false."
                    + " Searches go on against the old index meanwhile.")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response reindex() {
        return Response.accepted(admin.reindex())
                .header("Location", "/api/admin/search")
                .build();
    }

    @GET
    @Path("synonyms")
    @Operation(operationId = "listSynonyms", summary = "Synonym groups, applied when searching")
    public List<Synonyms.Group> synonyms() {
        return synonyms.list();
    }

    @POST
    @Path("synonyms")
    @Operation(
            operationId = "addSynonyms",
            summary = "Add a group: {terms: \"pto, paid time off\"}; searches use it within a second")
    @APIResponse(responseCode = "201", description = "Created")
    public Response addSynonyms(Synonyms.GroupForm form) {
        return Response.status(Response.Status.CREATED)
                .entity(synonyms.add(form))
                .build();
    }

    @DELETE
    @Path("synonyms/{id}")
    @Operation(operationId = "removeSynonyms", summary = "Remove a group staff added; the built-in groups stay")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response removeSynonyms(@PathParam("id") long id) {
        synonyms.remove(id);
        return Response.noContent().build();
    }
}
