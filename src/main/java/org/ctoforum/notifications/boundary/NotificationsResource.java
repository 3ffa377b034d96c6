package org.ctoforum.notifications.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.ctoforum.notifications.entity.MailChoice;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notifications and mail choice. */
@OpenTo(OpenTo.SIGNED_IN)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "In-app notifications, mail choice, unsubscribe")
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @GET
    @Path("notifications")
    @Operation(
            operationId = "listNotifications",
            summary = "The caller's notifications, newest first: {unread, notifications, next}; page with before")
    public Notifications.Inbox inbox(@QueryParam("before") Long before, @QueryParam("size") Integer size) {
        return notifications.inbox(before, size == null ? 30 : size);
    }

    @POST
    @Path("notifications/read")
    @Operation(
            operationId = "markNotificationsRead",
            summary = "Mark notifications read: {ids: [..]}, or all of them with an empty body")
    public Map<String, Object> markRead(JsonObject body) {
        List<Long> ids = body == null || !body.containsKey("ids")
                ? List.of()
                : body.getJsonArray("ids").getValuesAs(v -> Long.valueOf(v.toString()));
        return Map.of("marked", notifications.markRead(ids), "unread", notifications.unreadCount());
    }

    @GET
    @Operation(operationId = "getNotificationSettings")
    @Path("notification-settings")
    public Map<String, String> settings() {
        return Map.of("mail", notifications.mailChoice().name());
    }

    @PUT
    @Path("notification-settings")
    @Operation(
            operationId = "chooseNotificationMail",
            summary = "Choose notification mail: {mail: IMMEDIATE | DIGEST | NONE}")
    public Map<String, String> choose(JsonObject body) {
        String mail = body == null ? null : body.getString("mail", null);
        try {
            notifications.chooseMail(mail == null ? null : MailChoice.valueOf(mail));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("mail must be IMMEDIATE, DIGEST or NONE.");
        }
        return settings();
    }
}
