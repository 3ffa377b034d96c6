package org.ctoforum.surveys.ui;

import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.web.Charts;

/** Chart.js configurations for the survey pages, in the portal's colours; each page shows the figures beside them. */
final class SurveyCharts {

    /** The reader's own district: dark orange, 6:1 on white, and always named in the label too. */
    static final String YOURS = "#a04000";

    /** The name of the reader's own series, and of their own value's bar. */
    static final String YOUR_DISTRICT = "Your district";

    private static final List<String> PALETTE =
            List.of(Charts.BRAND, YOURS, "#1e8449", "#6c3483", "#7a4e00", "#2e86c1");

    /** Long answers would squeeze the bars; the table beside the chart has them whole. */
    private static final int LABEL_LENGTH = 32;

    /**
     * One bar a label, lying down so that long answers read. The reader's own bars form a second series, in their
     * own colour and named in the legend and the label, so that colour is never the only cue; each bar skips the
     * other series' empty slot.
     */
    static String bars(String series, List<String> labels, List<BigDecimal> values, List<Boolean> yours) {
        JsonArrayBuilder names = Charts.JSON.createArrayBuilder();
        JsonArrayBuilder peers = Charts.JSON.createArrayBuilder();
        JsonArrayBuilder own = Charts.JSON.createArrayBuilder();
        for (int i = 0; i < labels.size(); i++) {
            String label = shortened(labels.get(i));
            boolean named = !yours.get(i) || label.equals(YOUR_DISTRICT);
            names.add(named ? label : label + " (your district)");
            (yours.get(i) ? own : peers).add(values.get(i));
            (yours.get(i) ? peers : own).addNull();
        }
        JsonArrayBuilder datasets = Charts.JSON
                .createArrayBuilder()
                .add(Charts.dataset(series, peers, Charts.BRAND).add("skipNull", true));
        if (yours.contains(true)) {
            datasets.add(Charts.dataset(YOUR_DISTRICT, own, YOURS).add("skipNull", true));
        }
        return Charts.config("bar", names, datasets, Charts.Layout.HORIZONTAL);
    }

    /** A chart's height for its number of bars, so that short charts leave no gap and long ones do not crowd. */
    static String height(int bars) {
        return "height: " + (4 + 2 * bars) + "rem";
    }

    /** A line per series over the years; a year whose figure is hidden leaves a gap. */
    static String lines(List<String> years, Map<String, List<BigDecimal>> series) {
        JsonArrayBuilder labels = Charts.JSON.createArrayBuilder();
        years.forEach(labels::add);
        JsonArrayBuilder datasets = Charts.JSON.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, List<BigDecimal>> line : series.entrySet()) {
            JsonArrayBuilder points = Charts.JSON.createArrayBuilder();
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

    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1) + "…";
    }

    private SurveyCharts() {}
}
