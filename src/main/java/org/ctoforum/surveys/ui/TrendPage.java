package org.ctoforum.surveys.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Benchmarks;
import org.ctoforum.surveys.boundary.Surveys;

/** One question across the published years, for one peer group: a line per choice or per quartile, and its table. */
@Named
@RequestScoped
public class TrendPage {

    /** A year's row of the table: its figures in the columns' order, or why they are hidden. */
    public record Year(int year, Integer respondents, List<String> values, String hidden) {}

    @Inject
    Benchmarks benchmarks;

    @Inject
    Surveys surveys;

    private String code;
    private String group;
    private String question;
    private String type;
    private List<String> columns = List.of();
    private List<Year> years = List.of();
    private String chart;
    private boolean distributed;
    private String groupLabel;

    public void load() {
        List<Benchmarks.TrendPoint> points;
        try {
            points = benchmarks.trends(code, group);
        } catch (ProblemException refused) {
            PageMessages.error(refused.detail());
            return;
        }
        Surveys.SurveyView latest = surveys.get(points.get(points.size() - 1).surveyId());
        latest.sections().stream()
                .flatMap(s -> s.questions().stream())
                .filter(q -> q.code().equals(code.strip()))
                .findFirst()
                .ifPresent(q -> {
                    question = q.text();
                    type = q.type();
                });
        groupLabel = benchmarks.groups(latest.id()).stream()
                .filter(g -> g.group().equals(getGroup()))
                .map(Benchmarks.PeerGroupView::label)
                .findFirst()
                .orElse(getGroup());
        distributed = points.stream().anyMatch(p -> p.distribution() != null);
        Map<String, Function<Benchmarks.TrendPoint, BigDecimal>> series = new LinkedHashMap<>();
        if (distributed) {
            Set<String> choices = new LinkedHashSet<>();
            points.stream()
                    .filter(p -> p.distribution() != null)
                    .forEach(p -> choices.addAll(p.distribution().keySet()));
            choices.forEach(choice -> series.put(
                    choice,
                    p -> p.distribution() == null ? null : p.distribution().get(choice)));
        } else {
            series.put(
                    "25th percentile",
                    p -> p.quartiles() == null ? null : p.quartiles().p25());
            series.put(
                    "Median", p -> p.quartiles() == null ? null : p.quartiles().median());
            series.put(
                    "75th percentile",
                    p -> p.quartiles() == null ? null : p.quartiles().p75());
        }
        String unit = distributed ? "PERCENT" : Objects.requireNonNullElse(type, "NUMBER");
        List<Year> rows = new ArrayList<>();
        Map<String, List<BigDecimal>> lines = new LinkedHashMap<>();
        series.keySet().forEach(name -> lines.put(name, new ArrayList<>()));
        for (Benchmarks.TrendPoint point : points) {
            List<String> values = new ArrayList<>();
            series.forEach((name, value) -> {
                BigDecimal v = value.apply(point);
                lines.get(name).add(v);
                values.add(v == null ? "" : SurveyTexts.number(unit, v));
            });
            // Each year hides groups under its own smallest size.
            String hidden = point.reason() == null
                    ? null
                    : SurveyTexts.hidden(
                            point.reason(), surveys.get(point.surveyId()).minGroupSize());
            rows.add(new Year(point.year(), point.respondents(), values, hidden));
        }
        columns = List.copyOf(series.keySet());
        years = rows;
        chart = SurveyCharts.lines(
                points.stream().map(p -> String.valueOf(p.year())).toList(), lines);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getGroup() {
        return group == null || group.isBlank() ? "all" : group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getQuestion() {
        return question;
    }

    public List<String> getColumns() {
        return columns;
    }

    public List<Year> getYears() {
        return years;
    }

    public String getChart() {
        return chart;
    }

    /** Whether the figures are shares of the answers, rather than quartiles of numbers. */
    public boolean isDistributed() {
        return distributed;
    }

    public String getGroupLabel() {
        return groupLabel;
    }
}
