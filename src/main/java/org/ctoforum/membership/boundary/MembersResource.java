package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.BoundedBody;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff administration of members. */
@OpenTo(Role.Names.STAFF)
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members (staff)", description = "Member list, memberships, roles and CSV import")
public class MembersResource {

    public record RolesForm(Set<String> roles) {}

    public record MembershipForm(String start, String expiry) {}

    public record DisabledForm(boolean disabled) {}

    @Inject
    Members members;

    @Inject
    MemberImports imports;

    @Inject
    Settings settings;

    @GET
    @Path("members")
    @Operation(operationId = "searchMembers", summary = "Search members by name, email, district or job title")
    public Members.Page search(
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return members.search(q, page, size);
    }

    @GET
    @Operation(operationId = "getMember")
    @Path("members/{id}")
    public AccountView get(@PathParam("id") long id) {
        return members.get(id);
    }

    @PUT
    @Path("members/{id}/roles")
    @Operation(
            operationId = "assignRoles",
            summary = "Set the granted roles: {roles: [ADMIN, STAFF, PRESS]}; MEMBER follows the membership")
    public AccountView assignRoles(@PathParam("id") long id, RolesForm form) {
        if (form == null || form.roles() == null) {
            throw ProblemException.badRequest("Send {roles: [...]}, with ADMIN, STAFF or PRESS.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : form.roles()) {
            try {
                roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown role '" + role + "'; use ADMIN, STAFF, MEMBER or PRESS.");
            }
        }
        return members.assignRoles(id, roles);
    }

    @PUT
    @Path("members/{id}/membership")
    @Operation(
            operationId = "grantMembership",
            summary = "Grant or renew a membership: {start, expiry} as ISO dates; expiry may be omitted")
    public AccountView grantMembership(@PathParam("id") long id, MembershipForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {start, expiry}.");
        }
        return members.grantMembership(id, date("start", form.start()), date("expiry", form.expiry()));
    }

    @DELETE
    @Operation(operationId = "endMembership")
    @Path("members/{id}/membership")
    public AccountView endMembership(@PathParam("id") long id) {
        return members.endMembership(id);
    }

    @PUT
    @Path("members/{id}/disabled")
    @Operation(operationId = "setMemberDisabled", summary = "Disable or enable an account: {disabled: true}")
    public AccountView setDisabled(@PathParam("id") long id, DisabledForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {disabled: true} or {disabled: false}.");
        }
        return members.setDisabled(id, form.disabled());
    }

    @POST
    @Path("member-imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "startMemberImport",
            summary = "Import members from a CSV body; answers 202 with the progress to poll")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response startImport(
            InputStream csv, @HeaderParam("Content-Length") Long length, @HeaderParam("X-File-Name") String fileName) {
        byte[] bytes = BoundedBody.read(csv, length, settings.number(PortalSetting.IMPORT_MAX_BYTES));
        MemberImports.Progress progress = imports.start(bytes, fileName);
        return Response.accepted(progress)
                .header("Location", "/api/admin/member-imports/" + progress.id())
                .build();
    }

    @GET
    @Path("member-imports/{id}")
    @Operation(operationId = "getMemberImport", summary = "Progress of an import, with its errors row by row")
    public MemberImports.Progress importProgress(@PathParam("id") long id) {
        return imports.progress(id);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(field + " '" + value + "' is not a date like 2026-09-01.");
        }
    }
}
