package org.ctoforum.surveys.boundary;

import jakarta.inject.Inject;
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

/** The annual IT leadership survey: questions, responses, and the published peer figures. */
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "The annual IT leadership survey and peer benchmarking")
public class SurveysResource {

    @Inject
    Surveys surveys;

    @Inject
    Responses responses;

    @Inject
    Benchmarks benchmarks;

    @Inject
    Participation participation;

    @Inject
    SurveyFindings findings;

    @GET
    @Operation(operationId = "listSurveys", summary = "The surveys, newest first: drafts only for staff")
    @OpenTo(OpenTo.ANYONE)
    public List<Surveys.SurveySummary> list() {
        return surveys.list();
    }

    @POST
    @Operation(
            operationId = "createSurvey",
            summary = "Write a survey (staff): {year, title, opens, closes, minGroupSize, sections: [{title,"
                    + " questions: [{code, text, type, options, required, min, max}]}]}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response create(Surveys.SurveyForm form) {
        Surveys.SurveyView created = surveys.create(form);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/surveys/" + created.id())
                .entity(created)
                .build();
    }

    @GET
    @Path("trends")
    @Operation(
            operationId = "getSurveyTrends",
            summary = "One question code across the published years: ?code=&group= (peer groups: give to get)")
    @OpenTo(Role.Names.MEMBER)
    public List<Benchmarks.TrendPoint> trends(@QueryParam("code") String code, @QueryParam("group") String group) {
        return benchmarks.trends(code, group);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSurvey", summary = "A survey with its sections and questions")
    @OpenTo(OpenTo.ANYONE)
    public Surveys.SurveyView get(@PathParam("id") long id) {
        return surveys.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateSurvey", summary = "Rewrite a draft survey (staff); an open one is frozen")
    @OpenTo(Role.Names.STAFF)
    public Surveys.SurveyView update(@PathParam("id") long id, Surveys.SurveyForm form) {
        return surveys.update(id, form);
    }

    @POST
    @Path("{id}/copy")
    @Operation(operationId = "copySurvey", summary = "Copy a survey to a new draft for another year (staff): {year}")
    @APIResponse(responseCode = "201", description = "Created")
    @OpenTo(Role.Names.STAFF)
    public Response copy(@PathParam("id") long id, Surveys.CopyForm form) {
        Surveys.SurveyView copy = surveys.copy(id, form);
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/surveys/" + copy.id())
                .entity(copy)
                .build();
    }

    @POST
    @Path("{id}/transitions")
    @Operation(
            operationId = "transitionSurvey",
            summary = "Open, close or publish a survey (staff): {to: OPEN | CLOSED | PUBLISHED}; publishing"
                    + " computes every figure")
    @OpenTo(Role.Names.STAFF)
    public Surveys.SurveySummary transition(@PathParam("id") long id, Surveys.TransitionForm form) {
        return surveys.transition(id, form);
    }

    @GET
    @Path("{id}/response")
    @Operation(operationId = "getSurveyResponse", summary = "Your district's response, with its progress and changes")
    @OpenTo(Role.Names.MEMBER)
    public Responses.ResponseView response(@PathParam("id") long id) {
        return responses.mine(id);
    }

    @PUT
    @Path("{id}/response")
    @Operation(
            operationId = "saveSurveyResponse",
            summary = "Save answers for your district: {answers: {code: value}, submit: false | true}")
    @OpenTo(Role.Names.MEMBER)
    public Responses.ResponseView save(@PathParam("id") long id, Responses.ResponseForm form) {
        return responses.save(id, form);
    }

    @GET
    @Path("{id}/groups")
    @Operation(operationId = "listPeerGroups", summary = "The fixed peer groups with their respondents")
    @OpenTo(Role.Names.MEMBER)
    public List<Benchmarks.PeerGroupView> groups(@PathParam("id") long id) {
        return benchmarks.groups(id);
    }

    @GET
    @Path("{id}/results")
    @Operation(
            operationId = "getSurveyResults",
            summary = "A peer group's published figures: ?group= (all for every member; the rest: give to get)")
    @OpenTo(Role.Names.MEMBER)
    public Benchmarks.PeerResults results(@PathParam("id") long id, @QueryParam("group") String group) {
        return benchmarks.results(id, group);
    }

    @GET
    @Path("{id}/benchmark")
    @Operation(
            operationId = "getSurveyBenchmark",
            summary = "Your district beside a peer group: the figures with yours and your percentile")
    @OpenTo(Role.Names.MEMBER)
    public Benchmarks.PeerResults benchmark(@PathParam("id") long id, @QueryParam("group") String group) {
        return benchmarks.benchmark(id, group);
    }

    @GET
    @Path("{id}/benchmark.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportSurveyBenchmark", summary = "The benchmark as CSV, with your own answers")
    @OpenTo(Role.Names.MEMBER)
    public Response benchmarkCsv(@PathParam("id") long id, @QueryParam("group") String group) {
        String csv = benchmarks.csv(id, group);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"survey-" + id + "-benchmark.csv\"")
                .build();
    }

    @GET
    @Path("{id}/findings")
    @Operation(
            operationId = "listSurveyFindings",
            summary = "The published headline findings: the public ones for everyone, all for members")
    @OpenTo(OpenTo.ANYONE)
    public List<SurveyFindings.FindingView> findings(@PathParam("id") long id) {
        return findings.list(id);
    }

    @PUT
    @Path("{id}/findings")
    @Operation(
            operationId = "replaceSurveyFindings",
            summary = "Replace the headline findings (staff): [{title, body, code, access: PUBLIC | MEMBERS}]")
    @OpenTo(Role.Names.STAFF)
    public List<SurveyFindings.FindingView> replaceFindings(
            @PathParam("id") long id, List<SurveyFindings.FindingForm> forms) {
        return findings.replace(id, forms);
    }

    @GET
    @Path("{id}/participation")
    @Operation(operationId = "getSurveyParticipation", summary = "Response rates overall and by segment (staff)")
    @OpenTo(Role.Names.STAFF)
    public Participation.Rates participation(@PathParam("id") long id) {
        return participation.rates(id);
    }

    @POST
    @Path("{id}/reminders")
    @Operation(
            operationId = "remindSurveyDistricts",
            summary = "Mail the members of districts that have not submitted, through the outbox (staff)")
    @OpenTo(Role.Names.STAFF)
    public Participation.Reminded remind(@PathParam("id") long id) {
        return participation.remind(id);
    }

    @GET
    @Path("{id}/text-answers")
    @Operation(
            operationId = "listSurveyTextAnswers",
            summary = "A free-text question's submitted answers, unattributed and sorted (staff): ?code=")
    @OpenTo(Role.Names.STAFF)
    public List<String> textAnswers(@PathParam("id") long id, @QueryParam("code") String code) {
        return participation.textAnswers(id, code);
    }
}
