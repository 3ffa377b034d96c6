package org.ctoforum.forums.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.Map;
import org.ctoforum.forums.entity.SessionChange;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Forum editions, rooms, sessions, registration and calendars. */
@Path("forums")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Forums", description = "Editions, sessions, registration with waitlist, calendars")
public class ForumsResource {

    public record ChangeView(long sessionId, String kind, String description, String changedAt) {
        static ChangeView of(SessionChange change) {
            return new ChangeView(
                    change.getSessionId(),
                    change.getKind().name(),
                    change.getDescription(),
                    change.getChangedAt().toString());
        }
    }

    @Inject
    Editions editions;

    @Inject
    Schedule schedule;

    @Inject
    Registrations registrations;

    @Inject
    Agendas agendas;

    @Inject
    EditionStats stats;

    @GET
    @Operation(operationId = "listForums", summary = "Editions: published and archived ones, and drafts for staff")
    public List<EditionView> list() {
        return editions.list();
    }

    @GET
    @Path("topics")
    @Operation(operationId = "listTopics", summary = "The topics sessions can be about")
    public List<String> topics() {
        return editions.topics();
    }

    @POST
    @Path("topics")
    @Operation(operationId = "addTopic", summary = "Add a topic (staff): {name}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response addTopic(JsonObject body) {
        String name = editions.addTopic(body == null ? null : body.getString("name", null));
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("name", name))
                .build();
    }

    @GET
    @Operation(operationId = "getForum")
    @Path("{id}")
    public EditionView get(@PathParam("id") long id) {
        return editions.get(id);
    }

    @POST
    @Operation(
            operationId = "createForum",
            summary = "Create an edition (staff): {title, startDate, endDate, timeZone, format, capacity, status}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response create(Editions.EditionForm form) {
        EditionView created = editions.create(form);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateForum", summary = "Change an edition (staff); status PUBLISHED publishes it")
    @OpenTo(Role.Names.STAFF)
    public EditionView update(@PathParam("id") long id, Editions.EditionForm form) {
        return editions.update(id, form);
    }

    @POST
    @Path("{id}/copy")
    @Operation(
            operationId = "copyForum",
            summary = "Start the next edition from this one's rooms and session slots (staff): {title, startDate}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response copy(@PathParam("id") long id, Editions.EditionForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {title, startDate}.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(editions.copyStructure(id, form))
                .build();
    }

    @GET
    @Operation(operationId = "listRooms")
    @Path("{id}/rooms")
    public List<Editions.RoomView> rooms(@PathParam("id") long id) {
        return editions.rooms(id);
    }

    @POST
    @Path("{id}/rooms")
    @Operation(operationId = "addRoom", summary = "Add a room (staff): {name, capacity} or {name, virtualLink}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response addRoom(@PathParam("id") long id, Editions.RoomForm form) {
        Editions.RoomView room = editions.addRoom(id, form);
        return Response.status(Response.Status.CREATED).entity(room).build();
    }

    @GET
    @Operation(operationId = "listSessions")
    @Path("{id}/sessions")
    public List<SessionView> sessions(@PathParam("id") long id) {
        return schedule.list(id);
    }

    @GET
    @Operation(operationId = "getSession")
    @Path("{id}/sessions/{sid}")
    public SessionView session(@PathParam("id") long id, @PathParam("sid") long sid) {
        return schedule.get(id, sid);
    }

    @GET
    @Path("{id}/sessions/{sid}/form")
    @Operation(
            operationId = "getSessionForm",
            summary = "A session as staff entered it, with facilitators' emails and the Markdown abstract (staff)")
    @OpenTo(Role.Names.STAFF)
    public Schedule.SessionForm sessionForm(@PathParam("id") long id, @PathParam("sid") long sid) {
        return schedule.form(id, sid);
    }

    @POST
    @Path("{id}/sessions")
    @Operation(operationId = "createSession", summary = "Schedule a session (staff); 409 names the conflicting session")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response createSession(@PathParam("id") long id, Schedule.SessionForm form) {
        SessionView created = schedule.create(id, form);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("{id}/sessions/check")
    @Operation(operationId = "checkSession", summary = "Check a session against the rules without saving it (staff)")
    @OpenTo(Role.Names.STAFF)
    public Schedule.Check check(@PathParam("id") long id, Schedule.SessionForm form) {
        return schedule.check(id, null, form);
    }

    @PUT
    @Path("{id}/sessions/{sid}")
    @Operation(operationId = "updateSession", summary = "Change a session (staff); attendees are mailed when it moves")
    @OpenTo(Role.Names.STAFF)
    public SessionView updateSession(@PathParam("id") long id, @PathParam("sid") long sid, Schedule.SessionForm form) {
        return schedule.update(id, sid, form);
    }

    @DELETE
    @Path("{id}/sessions/{sid}")
    @Operation(operationId = "cancelSession", summary = "Cancel a session (staff); in a draft edition it is deleted")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @OpenTo(Role.Names.STAFF)
    public Response cancelSession(@PathParam("id") long id, @PathParam("sid") long sid) {
        schedule.cancel(id, sid);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/sessions/{sid}/notes")
    @Operation(
            operationId = "recordSessionNotes",
            summary = "Record session notes in Markdown (staff or the assigned scribe): {markdown}")
    @OpenTo(OpenTo.SIGNED_IN)
    public SessionView notes(@PathParam("id") long id, @PathParam("sid") long sid, JsonObject body) {
        return schedule.recordNotes(id, sid, body == null ? null : body.getString("markdown", null));
    }

    @PUT
    @Path("{id}/sessions/{sid}/scribe")
    @Operation(operationId = "assignScribe", summary = "Assign a scribe (staff): {email}")
    @OpenTo(Role.Names.STAFF)
    public SessionView scribe(@PathParam("id") long id, @PathParam("sid") long sid, JsonObject body) {
        return schedule.assignScribe(id, sid, body == null ? null : body.getString("email", null));
    }

    @GET
    @Path("{id}/changes")
    @Operation(
            operationId = "listForumChanges",
            summary = "The change log of a published edition's sessions, newest first")
    public List<ChangeView> changes(@PathParam("id") long id) {
        return schedule.changes(id).stream().map(ChangeView::of).toList();
    }

    @POST
    @Path("{id}/registrations")
    @Operation(
            operationId = "register",
            summary = "Register the caller: {status: REGISTERED|WAITLISTED, position}; asking twice is harmless")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response register(@PathParam("id") long id) {
        return Response.status(Response.Status.CREATED)
                .entity(registrations.register(id))
                .build();
    }

    @GET
    @Operation(operationId = "getMyRegistration")
    @Path("{id}/registrations/me")
    public RegistrationView myRegistration(@PathParam("id") long id) {
        return registrations
                .mine(id)
                .orElseThrow(() -> ProblemException.notFound("Your registration for edition " + id));
    }

    @DELETE
    @Path("{id}/registrations/me")
    @Operation(
            operationId = "cancelRegistration",
            summary = "Cancel the caller's registration; the head of the waitlist is promoted")
    @APIResponse(responseCode = "204", description = "Done; no content")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response cancelRegistration(@PathParam("id") long id) {
        registrations.cancel(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/registrations")
    @Operation(operationId = "listRegistrations", summary = "Every registration of the edition, in order (staff)")
    @OpenTo(Role.Names.STAFF)
    public List<Map<String, Object>> allRegistrations(@PathParam("id") long id) {
        return registrations.all(id).stream()
                .map(r -> Map.<String, Object>of(
                        "accountId", r.getAccountId(),
                        "status", r.getStatus().name(),
                        "createdAt", r.getCreatedAt().toString()))
                .toList();
    }

    @GET
    @Path("{id}/stats")
    @Operation(
            operationId = "getForumStats",
            summary = "Registrations per day with a running total, and agenda interest per session (staff)")
    @OpenTo(Role.Names.STAFF)
    public EditionStats.Stats stats(@PathParam("id") long id) {
        return stats.of(id);
    }

    @GET
    @Path("{id}/agenda.ics")
    @Produces("text/calendar")
    @Operation(operationId = "getForumCalendar", summary = "The edition's agenda as iCalendar (RFC 5545)")
    public Response editionCalendar(@PathParam("id") long id, @Context HttpServletRequest request) {
        return agendas.editionCalendar(id).download(request, "forum-" + id + ".ics");
    }
}
