package org.ctoforum.reports.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.rest.Problems;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.ClientAddress;
import org.ctoforum.platform.web.Validators.Preconditions;
import org.ctoforum.reports.boundary.Reports.ReceivedPdf;
import org.ctoforum.reports.control.FileTransfer;
import org.ctoforum.reports.entity.Download;
import org.ctoforum.reports.entity.Report;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports: listing and reading for everyone by their rights, publishing for staff, files with ranges. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Gated reports, versions, workflow, downloads, access requests")
public class ReportsResource {

    @Inject
    Reports reports;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Downloads downloads;

    @Inject
    AccessRequests accessRequests;

    @Inject
    ReportUploads uploads;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "listReports",
            summary = "Reports the caller may see: ?theme=&kind=&year= (staff also &status=)")
    public List<ReportView> list(
            @QueryParam("theme") String theme,
            @QueryParam("kind") String kind,
            @QueryParam("year") Integer year,
            @QueryParam("status") String status) {
        return reports.list(theme, kind, year, status);
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getReport",
            summary = "One report with its version history; sections only for those who may read it")
    public ReportView get(@PathParam("id") long id) {
        return reports.view(id);
    }

    @GET
    @Path("by-slug/{slug}")
    @Operation(operationId = "getReportBySlug", summary = "One report by its slug")
    public ReportView bySlug(@PathParam("slug") String slug) {
        return reports.viewBySlug(slug);
    }

    /** The parts of a new draft, as the API contract names them. */
    public record DraftParts(Reports.ReportForm metadata, byte[] file) {}

    /** The parts of a new version, as the API contract names them. */
    public record VersionParts(byte[] file, String note) {}

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "createReport",
            summary = "Create a draft (staff): multipart with a 'metadata' part (JSON {title, summary, kind, theme,"
                    + " year, access, priceCents, topics, editionId}) and an optional 'file' part (the PDF)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = DraftParts.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response create(List<EntityPart> parts, @HeaderParam("Content-Length") Long length) {
        uploads.checkDeclaredLength(length);
        EntityPart metadata = uploads.part(parts, "metadata")
                .orElseThrow(() -> ProblemException.badRequest("The 'metadata' part (JSON) is required."));
        Reports.ReportForm form = uploads.json(metadata, Reports.ReportForm.class);
        ReceivedPdf pdf = uploads.part(parts, "file").map(uploads::pdf).orElse(null);
        try {
            ReportView created = reports.create(form, pdf);
            return Response.status(Response.Status.CREATED)
                    .header("Location", "/api/reports/" + created.id())
                    .entity(created)
                    .build();
        } finally {
            if (pdf != null) {
                pdf.upload().close();
            }
        }
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateReport", summary = "Change a report's metadata (staff)")
    @OpenTo(Role.Names.STAFF)
    public ReportView update(@PathParam("id") long id, Reports.ReportForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send the report's metadata as JSON.");
        }
        return reports.update(id, form);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "addReportVersion",
            summary = "Upload a new version (staff): multipart with 'file' (the PDF) and 'note' (what changed)")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = VersionParts.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response addVersion(
            @PathParam("id") long id, List<EntityPart> parts, @HeaderParam("Content-Length") Long length) {
        uploads.checkDeclaredLength(length);
        String note =
                uploads.part(parts, "note").map(p -> uploads.text(p, 1000)).orElse(null);
        EntityPart file = uploads.part(parts, "file")
                .orElseThrow(() -> ProblemException.badRequest("The 'file' part (the PDF) is required."));
        ReceivedPdf pdf = uploads.pdf(file);
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(reports.addVersion(id, pdf, note))
                    .build();
        } finally {
            pdf.upload().close();
        }
    }

    @PUT
    @Path("{id}/sections")
    @Operation(
            operationId = "replaceSections",
            summary = "Replace the Markdown sections (staff): [{anchor?, heading, markdown}]; anchors are kept")
    @OpenTo(Role.Names.STAFF)
    public List<ReportView.SectionView> sections(@PathParam("id") long id, List<Reports.SectionForm> sections) {
        return reports.writeSections(id, sections);
    }

    @POST
    @Path("{id}/transitions")
    @Operation(
            operationId = "transitionReport",
            summary = "A workflow step (staff): {to: IN_REVIEW | PUBLISHED | ARCHIVED | DRAFT, at?}; 'at' schedules"
                    + " the release; 409 for a step the workflow does not allow")
    @OpenTo(Role.Names.STAFF)
    public ReportView transition(@PathParam("id") long id, JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {to, at}.");
        }
        return reports.transition(id, body.getString("to", null), body.getString("at", null));
    }

    @GET
    @Path("{id}/file")
    @Produces({"application/pdf", "application/problem+json", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "downloadReportFile",
            summary = "The latest file (staff: ?version=N), with ETag, Last-Modified, single Range requests and"
                    + " If-Range, If-None-Match and If-Modified-Since; every download is logged")
    public Response file(
            @PathParam("id") long id,
            @QueryParam("version") Integer version,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("If-Modified-Since") String ifModifiedSince,
            @Context HttpServletRequest request) {
        Report report = reports.visible(id);
        Downloads.Ticket ticket = downloads.forCaller(report, version);
        FileTransfer transfer = FileTransfer.plan(
                ticket.file(), range, ifRange, new Preconditions(request.getMethod(), ifNoneMatch, ifModifiedSince));
        Response.ResponseBuilder response = Response.status(transfer.status());
        transfer.headers().forEach(response::header);
        if (transfer.status() == 416) {
            return response.type(Problems.PROBLEM_JSON)
                    .entity(Problems.body(
                            ProblemType.RANGE_NOT_SATISFIABLE,
                            "The file has " + transfer.size() + " bytes; the range asked for starts beyond it.",
                            Map.of()))
                    .build();
        }
        if (!transfer.hasBody()) {
            return response.build();
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        String address = clientAddress.of(request);
        Optional<String> handOff = downloads.handOffLocation(ticket);
        if (handOff.isPresent()) {
            downloads.record(
                    ticket, Download.Channel.API, started, transfer.rangeLabel(), transfer.bytesAsked(), true, address);
            Response.ResponseBuilder handed = Response.ok();
            transfer.handOffHeaders(handOff.get()).forEach(handed::header);
            return handed.build();
        }
        StreamingOutput body = out -> {
            long sent = 0;
            try {
                sent = transfer.copy(ticket.file().path(), out);
            } finally {
                downloads.record(
                        ticket,
                        Download.Channel.API,
                        started,
                        transfer.rangeLabel(),
                        sent,
                        sent == transfer.bytesAsked(),
                        address);
            }
        };
        return response.entity(body).build();
    }

    @POST
    @Path("{id}/links")
    @Operation(
            operationId = "createDownloadLink",
            summary = "A signed download link for the caller's own use elsewhere: {minutes} -> {url, expiresAt}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response link(@PathParam("id") long id, JsonObject body) {
        Integer minutes = body == null || !(body.get("minutes") instanceof JsonNumber n) ? null : n.intValue();
        return Response.status(Response.Status.CREATED)
                .entity(downloads.link(id, minutes))
                .build();
    }

    @GET
    @Path("{id}/downloads")
    @Operation(operationId = "listDownloads", summary = "The download log (staff), newest first: ?before=<id>&size=")
    @OpenTo(Role.Names.STAFF)
    public List<Downloads.DownloadView> log(
            @PathParam("id") long id,
            @QueryParam("before") Long before,
            @QueryParam("size") @DefaultValue("100") int size) {
        return downloads.log(id, before, size);
    }

    @GET
    @Path("{id}/downloads/stats")
    @Operation(
            operationId = "getDownloadStats",
            summary = "Download counts (staff): totals and one point per day for ?days= (default 90)")
    @OpenTo(Role.Names.STAFF)
    public Downloads.DownloadStats stats(@PathParam("id") long id, @QueryParam("days") @DefaultValue("90") int days) {
        if (days < 1 || days > 730) {
            throw ProblemException.badRequest("days must be from 1 to 730.");
        }
        return downloads.stats(id, days);
    }

    @GET
    @Path("{id}/downloads.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportDownloadsCsv", summary = "The whole download log as CSV (staff)")
    @OpenTo(Role.Names.STAFF)
    public Response csv(@PathParam("id") long id) {
        // The caller is checked first (stats does it too): a refusal must not tell a draft's id from a missing one,
        // and once the CSV starts streaming it could no longer be a 403.
        downloads.stats(id, 1);
        Report report = reports.existing(id);
        StreamingOutput body = out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            downloads.csv(id, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + report.getSlug() + "-downloads.csv\"")
                .build();
    }

    @GET
    @Path("{id}/grants")
    @Operation(operationId = "listGrants", summary = "The report's grants, revoked ones too (staff)")
    @OpenTo(Role.Names.STAFF)
    public List<AccessRequests.GrantView> grants(@PathParam("id") long id) {
        return accessRequests.grants(id);
    }

    @DELETE
    @Path("{id}/grants/{grantId}")
    @Operation(
            operationId = "revokeGrant",
            summary = "Revoke a purchase or a press copy: {reason}; downloads, links and search follow at once (staff)")
    @OpenTo(Role.Names.STAFF)
    public AccessRequests.GrantView revokeGrant(
            @PathParam("id") long id, @PathParam("grantId") long grantId, JsonObject body) {
        return accessRequests.revoke(id, grantId, body == null ? null : body.getString("reason", null));
    }

    @POST
    @Path("{id}/access-requests")
    @Operation(operationId = "requestReportAccess", summary = "Ask for a copy: {kind: PURCHASE | PRESS, message}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(OpenTo.SIGNED_IN)
    public Response requestAccess(@PathParam("id") long id, JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {kind, message}.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(accessRequests.ask(id, body.getString("kind", null), body.getString("message", null)))
                .build();
    }
}
