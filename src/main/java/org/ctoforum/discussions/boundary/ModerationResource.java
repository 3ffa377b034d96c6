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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The moderators' calls (staff): the review queue, approve and hide, thread settings, unmasking, the log. */
@OpenTo(Role.Names.STAFF)
@Path("moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation", description = "Review queue, thread settings, Chatham House unmasking, audit log")
public class ModerationResource {

    @Inject
    Moderation moderation;

    @GET
    @Path("queue")
    @Operation(
            operationId = "getModerationQueue",
            summary = "Posts waiting for review: new accounts' first posts and flagged posts")
    public List<Moderation.QueueItem> queue() {
        return moderation.queue();
    }

    @POST
    @Path("posts/{id}/approve")
    @Operation(operationId = "approvePost", summary = "Approve a post: visible, flags settled")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response approve(@PathParam("id") long id) {
        moderation.approve(id);
        return Response.noContent().build();
    }

    @POST
    @Path("posts/{id}/hide")
    @Operation(operationId = "hidePost", summary = "Hide a post: {reason}")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response hide(@PathParam("id") long id, JsonObject body) {
        moderation.hide(id, body == null ? null : body.getString("reason", null));
        return Response.noContent().build();
    }

    @POST
    @Path("posts/{id}/unmask")
    @Operation(
            operationId = "unmaskPost",
            summary = "Reveal who wrote a Chatham House post: {reason}; audited, and the author is told")
    public Moderation.Unmasked unmask(@PathParam("id") long id, JsonObject body) {
        return moderation.unmask(id, body == null ? null : body.getString("reason", null));
    }

    @PUT
    @Path("threads/{id}")
    @Operation(
            operationId = "configureThread",
            summary = "Lock, pin or hide a thread: {locked, pinned, hidden}; leave out what stays")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response configure(@PathParam("id") long id, Moderation.ThreadSettings settings) {
        moderation.configure(id, settings);
        return Response.noContent().build();
    }

    @GET
    @Path("log")
    @Operation(operationId = "getModerationLog", summary = "The moderation log, newest first; page with before")
    public List<Moderation.LogEntry> log(@QueryParam("before") Long before) {
        return moderation.log(before);
    }
}
