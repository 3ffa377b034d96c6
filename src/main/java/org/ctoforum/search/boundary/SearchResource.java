package org.ctoforum.search.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.search.control.AccessAwareSearch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One search over reports, trend-report sections, the library, forum sessions and discussions. */
@OpenTo(OpenTo.ANYONE)
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search that shows each reader only what they may see")
public class SearchResource {

    @Inject
    Search search;

    @GET
    @Operation(
            operationId = "search",
            summary = "Search: ?q=&type=&theme=&year=&topic=&access=&sort=relevance|date&page=&size=",
            description = "q takes \"phrases\", AND, OR, NOT, -word, title:, topic:, author:, word* and word~."
                    + " A facet parameter may repeat (type=report&type=library). Hits of gated items the caller"
                    + " cannot open have locked=true and the public summary as snippet. snippet is HTML whose only"
                    + " markup is <mark>. size is at most 50, page at most 100.")
    public Search.Results search(
            @QueryParam("q") String q,
            @QueryParam("type") List<String> type,
            @QueryParam("theme") List<String> theme,
            @QueryParam("year") List<String> year,
            @QueryParam("topic") List<String> topic,
            @QueryParam("access") List<String> access,
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("type", type);
        filters.put("theme", theme);
        filters.put("year", year);
        filters.put("topic", topic);
        filters.put("access", access);
        return search.search(new Search.Query(q, filters, sort, page, size));
    }

    /** The same search with the query in a body, for queries longer than a URL may carry. */
    public record SearchForm(
            String q,
            List<String> type,
            List<String> theme,
            List<String> year,
            List<String> topic,
            List<String> access,
            String sort,
            Integer page,
            Integer size) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "searchByBody",
            summary = "The same search with a JSON body: {q, type: [], theme: [], year: [], topic: [], access: [],"
                    + " sort, page, size}")
    public Search.Results searchByBody(SearchForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send the search as JSON: {\"q\": \"…\"}.");
        }
        return search(
                form.q(),
                form.type(),
                form.theme(),
                form.year(),
                form.topic(),
                form.access(),
                form.sort(),
                form.page(),
                form.size());
    }

    @GET
    @Path("suggest")
    @Operation(
            operationId = "suggest",
            summary = "Titles that start with the words typed so far (?q=), among what the caller may see")
    public List<AccessAwareSearch.Suggestion> suggest(@QueryParam("q") String q) {
        return search.suggest(q);
    }
}
