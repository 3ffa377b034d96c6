package org.ctoforum.discussions.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** One post: edit with history, soft delete, flag, quote. */
@Path("posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
public class PostsResource {

    @Inject
    Posts posts;

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "editPost",
            summary = "Edit a post (author or moderator): {body}; the text before is kept in its history")
    @OpenTo(OpenTo.SIGNED_IN)
    public PostView edit(@PathParam("id") long id, JsonObject body) {
        return posts.edit(id, body == null ? null : body.getString("body", null));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "deletePost",
            summary = "Delete a post (author or moderator); it stays as a placeholder so replies keep their place")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response delete(@PathParam("id") long id) {
        posts.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/flags")
    @Operation(operationId = "flagPost", summary = "Flag a post for the moderators: {reason}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo({Role.Names.MEMBER, Role.Names.STAFF})
    public Response flag(@PathParam("id") long id, JsonObject body) {
        boolean counted = posts.flag(id, body == null ? null : body.getString("reason", null));
        return Response.status(counted ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("flagged", true))
                .build();
    }

    @GET
    @Path("{id}/quote")
    @Operation(
            operationId = "quotePost",
            summary = "The post quoted in Markdown, attributed as the thread's rule allows: {markdown}")
    public Map<String, String> quote(@PathParam("id") long id) {
        return Map.of("markdown", posts.quote(id));
    }

    @GET
    @Path("{id}/source")
    @Operation(
            operationId = "getPostSource",
            summary = "The post's Markdown, for its author or a moderator to edit: {markdown}")
    public Map<String, String> source(@PathParam("id") long id) {
        return Map.of("markdown", posts.source(id));
    }

    @GET
    @Path("{id}/revisions")
    @Operation(
            operationId = "listPostRevisions",
            summary = "Earlier texts of a post, newest first (author or moderator)")
    public List<Posts.RevisionView> revisions(@PathParam("id") long id) {
        return posts.revisions(id);
    }
}
