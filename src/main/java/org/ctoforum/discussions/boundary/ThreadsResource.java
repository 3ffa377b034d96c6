package org.ctoforum.discussions.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Threads: the list, reading a page of posts, starting a thread, replying, read marks and watch levels. */
@Path("threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discussions")
public class ThreadsResource {

    @Inject
    Threads threads;

    @Inject
    ThreadLists threadLists;

    @GET
    @Operation(
            operationId = "listThreads",
            summary = "Visible threads, latest activity first: {threads, next}. category is an id or slug; pass"
                    + " next as after for the following page. report (an id) lists the threads about the report's"
                    + " sections, section (an anchor) about one of them, all on one page")
    public ThreadLists.ThreadList list(
            @QueryParam("category") String category,
            @QueryParam("tag") String tag,
            @QueryParam("after") String after,
            @QueryParam("size") @DefaultValue("30") int size,
            @QueryParam("report") Long report,
            @QueryParam("section") String section) {
        if (report != null) {
            return new ThreadLists.ThreadList(threadLists.forReport(report, blankToNull(section)), null);
        }
        if (section != null) {
            throw ProblemException.badRequest("section is an anchor of a report: send report as well.");
        }
        return threadLists.list(category, tag, after, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @POST
    @Operation(
            operationId = "startThread",
            summary = "Start a thread: {title, body, categoryId, chathamHouse, tags, sessionId}; body is Markdown."
                    + " About a report section: {reportId, sectionAnchor, title?, body} instead of categoryId; it goes"
                    + " to the category staff chose, and its first post quotes and links the section")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response create(Threads.NewThread form) {
        long id = threads.create(form);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/threads/" + id)
                .entity(Map.of("id", id))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "readThread",
            summary = "A thread with a page of posts, oldest first; pass next as after for the following page")
    public ThreadPage read(
            @PathParam("id") long id,
            @QueryParam("after") Long after,
            @QueryParam("size") @DefaultValue("50") int size) {
        return threads.read(id, after, size);
    }

    @POST
    @Path("{id}/posts")
    @Operation(operationId = "reply", summary = "Reply: {body, replyTo}; replyTo is a post of the thread, or null")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response reply(@PathParam("id") long id, Threads.NewPost form) {
        long post = threads.reply(id, form);
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("id", post))
                .build();
    }

    @PUT
    @Path("{id}/read")
    @Operation(operationId = "markThreadRead", summary = "Move the caller's read mark forward: {lastRead: postId}")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response markRead(@PathParam("id") long id, JsonObject body) {
        if (body == null || !(body.get("lastRead") instanceof JsonNumber lastRead)) {
            throw ProblemException.badRequest("Send {lastRead: postId}.");
        }
        threads.markRead(id, lastRead.longValue());
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/watch")
    @Operation(
            operationId = "watchThread",
            summary = "Watch, track or mute a thread: {level: WATCHING | TRACKING | MUTED}")
    @OpenTo(OpenTo.SIGNED_IN)
    public Map<String, String> watch(@PathParam("id") long id, JsonObject body) {
        return Map.of("level", threads.watch(id, body == null ? null : body.getString("level", null)));
    }
}
