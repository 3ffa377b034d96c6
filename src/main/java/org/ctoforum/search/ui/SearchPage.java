package org.ctoforum.search.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.search.boundary.Search;

/** The results page: a GET form, so every search and filter has a URL that can be shared and bookmarked. */
@Named
@RequestScoped
public class SearchPage {

    private static final int SIZE = 10;
    private static final Map<String, String> DIMENSION_LABELS =
            Map.of("type", "Kind", "theme", "Theme", "year", "Year", "topic", "Topic or category", "access", "Access");
    private static final Map<String, String> TYPE_LABELS = Map.of(
            "report", "Report",
            "section", "Trend report section",
            "library", "Library",
            "session", "Forum session",
            "thread", "Discussion",
            "post", "Reply",
            "finding", "Survey finding");

    @Inject
    Search search;

    private String q;
    private String sort;
    private int page = 1;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private Search.Results results;
    private String error;

    /** One facet value with its count, as a checkbox. */
    public record FacetValue(String dimension, String value, String label, int count, boolean checked) {}

    public record Facet(String dimension, String label, List<FacetValue> values) {}

    public void load() {
        Map<String, String[]> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap();
        q = first(params, "q");
        sort = first(params, "sort");
        String pageParam = first(params, "page");
        try {
            page = pageParam == null ? 1 : Integer.parseInt(pageParam);
        } catch (NumberFormatException e) {
            page = 1;
        }
        for (String dimension : Search.dimensions()) {
            String[] values = params.get(dimension);
            filters.put(dimension, values == null ? List.of() : List.of(values));
        }
        if (q == null && filters.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        try {
            results = search.search(new Search.Query(q, filters, sort, page, SIZE));
        } catch (ProblemException problem) {
            error = problem.detail();
        }
    }

    public Search.Results getResults() {
        return results;
    }

    public String getError() {
        return error;
    }

    public String getQ() {
        return q;
    }

    public boolean isByDate() {
        return "date".equals(sort);
    }

    public List<Facet> getFacets() {
        List<Facet> facets = new ArrayList<>();
        if (results == null) {
            return facets;
        }
        results.facets().forEach((dimension, counts) -> {
            List<FacetValue> values = new ArrayList<>();
            List<String> chosen = filters.getOrDefault(dimension, List.of());
            counts.forEach((value, count) -> values.add(
                    new FacetValue(dimension, value, label(dimension, value), count, chosen.contains(value))));
            // A chosen value stays visible, so it can be unchecked, even when nothing matches it now.
            chosen.stream()
                    .filter(value -> !counts.containsKey(value))
                    .forEach(value -> values.add(new FacetValue(dimension, value, label(dimension, value), 0, true)));
            if ("year".equals(dimension)) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            if (!values.isEmpty()) {
                facets.add(new Facet(dimension, DIMENSION_LABELS.get(dimension), values));
            }
        });
        return facets;
    }

    public String typeLabel(String type) {
        return TYPE_LABELS.getOrDefault(type, type);
    }

    public int getPage() {
        return page;
    }

    public boolean isHasPrevious() {
        return results != null && page > 1;
    }

    public boolean isHasNext() {
        return results != null && (long) page * SIZE < results.total() && page < Search.MAX_PAGE;
    }

    public long getPages() {
        return results == null ? 0 : Math.min(Search.MAX_PAGE, (results.total() + SIZE - 1) / SIZE);
    }

    /** This search's URL on another page. */
    public String pageUrl(int target) {
        return url(q, target);
    }

    /** The URL of the suggested spelling, with the same filters. */
    public String suggestionUrl() {
        return url(results.suggestion(), 1);
    }

    private String url(String text, int target) {
        StringBuilder url = new StringBuilder("?q=").append(encode(text == null ? "" : text));
        filters.forEach((dimension, values) -> values.forEach(
                value -> url.append('&').append(dimension).append('=').append(encode(value))));
        if (sort != null) {
            url.append("&sort=").append(encode(sort));
        }
        return url.append("&page=").append(target).toString();
    }

    private static String label(String dimension, String value) {
        if ("type".equals(dimension)) {
            return TYPE_LABELS.getOrDefault(value, value);
        }
        if ("access".equals(dimension)) {
            return switch (value) {
                case "public" -> "Open to all";
                case "members" -> "Members";
                case "signed-in" -> "Signed-in readers";
                default -> value;
            };
        }
        return value;
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
