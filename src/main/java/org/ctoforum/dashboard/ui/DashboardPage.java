package org.ctoforum.dashboard.ui;

import static org.ctoforum.platform.web.Charts.config;
import static org.ctoforum.platform.web.Charts.dataset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.function.Function;
import org.ctoforum.dashboard.boundary.Dashboard;
import org.ctoforum.platform.web.Charts;

/** The staff dashboard: each figure as a Chart.js configuration for p:chart, and as rows for the table beside it. */
@Named
@RequestScoped
public class DashboardPage {

    /** Enough colours to tell six series apart, starting with the portal's own. */
    private static final List<String> PALETTE =
            List.of(Charts.BRAND, "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#2e86c1", "#7f8c8d");

    private static final int LABEL_LENGTH = 32;

    @Inject
    Dashboard dashboard;

    private Dashboard.Figures figures;

    public Dashboard.Figures getFigures() {
        if (figures == null) {
            figures = dashboard.figures();
        }
        return figures;
    }

    public String getDownloadsChart() {
        Dashboard.Downloads downloads = getFigures().downloads();
        return config(
                "line",
                labels(downloads.months(), Function.identity()),
                datasets(downloads.reports(), true),
                Charts.Layout.PLAIN);
    }

    public String getRegistrationsChart() {
        List<Dashboard.EditionRegistrations> editions = getFigures().registrations();
        JsonArrayBuilder registered = Json.createArrayBuilder();
        JsonArrayBuilder waitlisted = Json.createArrayBuilder();
        editions.forEach(edition -> {
            registered.add(edition.registered());
            waitlisted.add(edition.waitlisted());
        });
        return config(
                "bar",
                labels(editions, Dashboard.EditionRegistrations::title),
                Json.createArrayBuilder()
                        .add(dataset("Registered", registered, PALETTE.get(0)))
                        .add(dataset("Waitlisted", waitlisted, PALETTE.get(4))),
                Charts.Layout.STACKED);
    }

    public String getPostsChart() {
        Dashboard.Posts posts = getFigures().posts();
        return config(
                "bar",
                labels(posts.weeks(), Function.identity()),
                datasets(posts.categories(), false),
                Charts.Layout.STACKED);
    }

    public String getCommonSearchesChart() {
        return queriesChart(getFigures().searches().common(), Dashboard.QueryCount::searches, "Searches");
    }

    public String getFoundNothingChart() {
        return queriesChart(getFigures().searches().foundNothing(), Dashboard.QueryCount::zeroHits, "Found nothing");
    }

    private static String queriesChart(
            List<Dashboard.QueryCount> queries, Function<Dashboard.QueryCount, Long> count, String label) {
        JsonArrayBuilder counts = Json.createArrayBuilder();
        queries.forEach(query -> counts.add(count.apply(query)));
        return config(
                "bar",
                labels(queries, Dashboard.QueryCount::query),
                Json.createArrayBuilder().add(dataset(label, counts, Charts.BRAND)),
                Charts.Layout.HORIZONTAL);
    }

    private static JsonArrayBuilder datasets(List<Dashboard.Series> series, boolean line) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            JsonArrayBuilder counts = Json.createArrayBuilder();
            series.get(i).counts().forEach(counts::add);
            var dataset = dataset(shortened(series.get(i).name()), counts, PALETTE.get(i % PALETTE.size()));
            datasets.add(line ? dataset.add("fill", false).add("tension", 0.2) : dataset);
        }
        return datasets;
    }

    private static <T> JsonArrayBuilder labels(List<T> items, Function<T, String> label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        items.forEach(item -> labels.add(shortened(label.apply(item))));
        return labels;
    }

    /** Long report titles would squeeze the chart; the table beside it has them whole. */
    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1) + "…";
    }
}
