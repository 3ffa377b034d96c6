package org.ctoforum.forums.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's personal agenda, its calendar, and its subscribable feed address. */
@OpenTo(OpenTo.SIGNED_IN)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Personal agenda")
public class AgendaResource {

    @Inject
    Agendas agendas;

    @GET
    @Path("agenda")
    @Operation(operationId = "getAgenda", summary = "The sessions on the caller's agenda, with overlaps flagged")
    public List<Agendas.Entry> agenda() {
        return agendas.mine();
    }

    @PUT
    @Path("agenda/{sessionId}")
    @Operation(
            operationId = "addToAgenda",
            summary = "Put a session on the agenda; a capped session also takes a seat or a waitlist place")
    public Agendas.Entry pick(@PathParam("sessionId") long sessionId) {
        return agendas.pick(sessionId);
    }

    @DELETE
    @Operation(operationId = "removeFromAgenda")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @Path("agenda/{sessionId}")
    public Response unpick(@PathParam("sessionId") long sessionId) {
        agendas.unpick(sessionId);
        return Response.noContent().build();
    }

    @GET
    @Path("agenda.ics")
    @Produces("text/calendar")
    @Operation(operationId = "getAgendaCalendar", summary = "The personal agenda as iCalendar")
    public Response calendar(@Context HttpServletRequest request) {
        return agendas.myCalendar().download(request, "my-agenda.ics");
    }

    @GET
    @Path("calendar-feed")
    @Operation(
            operationId = "getCalendarFeed",
            summary = "The caller's secret feed address (webcal) for the agenda, and when it was made")
    @APIResponse(responseCode = "404", description = "The caller has no feed address yet")
    public Agendas.FeedAddress feed() {
        return agendas.currentFeed().orElseThrow(() -> ProblemException.notFound("Your calendar address"));
    }

    @POST
    @Path("calendar-feed")
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Make the secret feed address (webcal) for the agenda; when one exists, only {\"replace\": true}"
                    + " replaces it, and the earlier one stops working")
    @APIResponse(responseCode = "201", description = "Created")
    public Response newFeed(String body, @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePath())
                .entity(agendas.newFeed(replaceAsked(body)))
                .build();
    }

    /** {"replace": true} asks to replace the address; no body, as calendar buttons send, does not. */
    private static boolean replaceAsked(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getBoolean("replace", false);
        } catch (JsonException notAnObject) {
            throw ProblemException.badRequest("Send {\"replace\": true}, or no body.");
        }
    }

    @DELETE
    @Path("calendar-feed")
    @Operation(operationId = "revokeCalendarFeed", summary = "Turn the feed address off")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response revokeFeed() {
        agendas.revokeFeed();
        return Response.noContent().build();
    }
}
