package org.ctoforum.forums.ui;

import static org.ctoforum.platform.web.Charts.BRAND;
import static org.ctoforum.platform.web.Charts.LIGHT;
import static org.ctoforum.platform.web.Charts.config;
import static org.ctoforum.platform.web.Charts.dataset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.ctoforum.forums.boundary.EditionStats;

/**
 * The staff charts of an edition, as Chart.js configurations for PrimeFaces' p:chart. The page shows the same
 * figures in a table beside each chart, for screen readers and for those who would rather read.
 */
@Named
@RequestScoped
public class EditionCharts {

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
}
