package org.ctoforum.surveys.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.web.Charts;

/** Chart.js configurations for the survey pages, in the portal's colours; each page shows the figures beside them. */
final class SurveyCharts {

    /** The reader's own district: dark orange, 6:1 on white, and always named in the label too. */
    static final String YOURS = "#a04000";

    private static final List<String> PALETTE =
            List.of(Charts.BRAND, YOURS, "#1e8449", "#6c3483", "#7a4e00", "#2e86c1");

    /** One bar a label, lying down so that long answers read; the bars flagged as the reader's stand out. */
    static String bars(String series, List<String> labels, List<BigDecimal> values, List<Boolean> yours) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int i = 0; i < labels.size(); i++) {
            names.add(labels.get(i));
            data.add(values.get(i));
            colours.add(yours.get(i) ? YOURS : Charts.BRAND);
        }
        JsonArray perBar = colours.build();
        return Charts.config(
                "bar",
                names,
                Json.createArrayBuilder()
                        .add(Charts.dataset(series, data, Charts.BRAND)
                                .add("backgroundColor", perBar)
                                .add("borderColor", perBar)),
                Charts.Layout.HORIZONTAL);
    }

    /** A line per series over the years; a year whose figure is hidden leaves a gap. */
    static String lines(List<String> years, Map<String, List<BigDecimal>> series) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        years.forEach(labels::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, List<BigDecimal>> line : series.entrySet()) {
            JsonArrayBuilder points = Json.createArrayBuilder();
            line.getValue().forEach(v -> {
                if (v == null) {
                    points.addNull();
                } else {
                    points.add(v);
                }
            });
            datasets.add(Charts.dataset(line.getKey(), points, PALETTE.get(i++ % PALETTE.size()))
                    .add("fill", false)
                    .add("tension", 0.2));
        }
        return Charts.config("line", labels, datasets);
    }

    private SurveyCharts() {}
}
