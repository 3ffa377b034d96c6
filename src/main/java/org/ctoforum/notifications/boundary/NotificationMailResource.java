package org.ctoforum.notifications.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.ctoforum.notifications.entity.MailChoice;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed unsubscribe links from mails, and the digest run for staff. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationMailResource {

    @Inject
    Notifications notifications;

    @Inject
    Caller caller;

    @POST
    @Path("unsubscribe")
    @Operation(
            operationId = "unsubscribe",
            summary = "One-click unsubscribe with the signed token from a mail (RFC 8058); needs no sign-in")
    @OpenTo(OpenTo.ANYONE)
    public Map<String, String> unsubscribe(@QueryParam("token") String token) {
        notifications.unsubscribe(token);
        return Map.of("mail", MailChoice.NONE.name());
    }

    @POST
    @Path("digest")
    @Operation(operationId = "sendDigestsNow", summary = "Send the daily digests now (staff)")
    @OpenTo(Role.Names.STAFF)
    public Map<String, Integer> digestNow() {
        caller.require(Role.STAFF, "send digests");
        return Map.of("mails", notifications.sendDigests());
    }
}
