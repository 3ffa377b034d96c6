package org.ctoforum.discussions.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Discussion categories: the readable ones for everyone, management for staff, watch levels for members. */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions", description = "Categories, threads, posts, moderation")
public class CategoriesResource {

    @Inject
    Categories categories;

    @Inject
    Threads threads;

    @GET
    @Operation(
            operationId = "listCategories",
            summary = "The categories the caller may read: [{id, slug, name, description, kind, visibility, ...}]")
    public List<CategoryView> list() {
        return categories.list();
    }

    @POST
    @Operation(
            operationId = "createCategory",
            summary = "Create a category (staff): {slug, name, description, kind, visibility, chathamHouseDefault}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response create(Categories.CategoryForm form) {
        return Response.status(Response.Status.CREATED)
                .entity(categories.create(form))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateCategory", summary = "Change a category (staff)")
    @OpenTo(Role.Names.STAFF)
    public CategoryView update(@PathParam("id") long id, Categories.CategoryForm form) {
        return categories.update(id, form);
    }

    @PUT
    @Path("{id}/watch")
    @Operation(
            operationId = "watchCategory",
            summary = "Watch, track or mute a category: {level: WATCHING | TRACKING | MUTED}")
    @OpenTo(OpenTo.SIGNED_IN)
    public Map<String, String> watch(@PathParam("id") long id, JsonObject body) {
        return Map.of("level", threads.watchCategory(id, body == null ? null : body.getString("level", null)));
    }
}
