package org.ctoforum.library.boundary;

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

/** The best-practice library. */
@Path("library")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Library", description = "Best practices from the forums and surveys")
public class LibraryResource {

    @Inject
    Library library;

    @GET
    @Operation(
            operationId = "listLibraryEntries",
            summary = "Entries: ?area=&tag=&q=; members-only entries list their title and summary, locked")
    public List<Library.EntryView> list(
            @QueryParam("area") String area, @QueryParam("tag") String tag, @QueryParam("q") String words) {
        return library.list(area, tag, words);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLibraryEntry", summary = "One entry; the body only for those who may read it")
    public Library.EntryView get(@PathParam("id") long id) {
        return library.get(id);
    }

    @POST
    @Operation(
            operationId = "createLibraryEntry",
            summary = "Write an entry (staff): {title, summary, body, challengeArea, tags, source, access}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response create(Library.EntryForm form) {
        Library.EntryView created = library.create(form);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/library/" + created.id())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateLibraryEntry", summary = "Edit an entry (staff)")
    @OpenTo(Role.Names.STAFF)
    public Library.EntryView update(@PathParam("id") long id, Library.EntryForm form) {
        return library.update(id, form);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteLibraryEntry", summary = "Delete an entry (staff)")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @OpenTo(Role.Names.STAFF)
    public Response delete(@PathParam("id") long id) {
        library.delete(id);
        return Response.noContent().build();
    }
}
