package org.ctoforum.forums.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.ctoforum.forums.boundary.EditionStats;

/**
 * The staff charts of an edition, as Chart.js configurations for PrimeFaces' p:chart. The page shows the same
 * figures in a table beside each chart, for screen readers and for those who would rather read.
 */
@Named
@RequestScoped
public class EditionCharts {

    private static final String BRAND = "#1b4f72";
    private static final String LIGHT = "rgba(27,79,114,0.25)";

    @Inject
    EditionAdminPage page;

    @Inject
    EditionStats editionStats;

    private EditionStats.Stats stats;

    public EditionStats.Stats getStats() {
        if (stats == null) {
            stats = editionStats.of(page.getId());
        }
        return stats;
    }

    public String getRegistrations() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder totals = Json.createArrayBuilder();
        getStats().registrations().forEach(day -> {
            labels.add(day.date().toString());
            totals.add(day.total());
        });
        return config(
                "line",
                labels,
                Json.createArrayBuilder()
                        .add(dataset("Places taken or asked for", totals, BRAND)
                                .add("fill", false)
                                .add("tension", 0.2)));
    }

    public String getFill() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder interested = Json.createArrayBuilder();
        JsonArrayBuilder seats = Json.createArrayBuilder();
        getStats().fill().forEach(session -> {
            labels.add(session.title().length() > 28 ? session.title().substring(0, 27) + "…" : session.title());
            interested.add(session.interested());
            if (session.seats() == null) {
                seats.addNull();
            } else {
                seats.add(session.seats());
            }
        });
        return config(
                "bar",
                labels,
                Json.createArrayBuilder()
                        .add(dataset("On agendas", interested, BRAND))
                        .add(dataset("Seats", seats, LIGHT)));
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color) {
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("backgroundColor", color)
                .add("borderColor", color);
    }

    /** PrimeFaces writes the configuration into a script unescaped, so "</" must not appear in it. */
    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build()
                .toString()
                .replace("</", "<\\/");
    }
}
