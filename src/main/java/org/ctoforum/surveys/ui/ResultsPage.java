package org.ctoforum.surveys.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.surveys.boundary.Benchmarks;
import org.ctoforum.surveys.boundary.SurveyFindings;
import org.ctoforum.surveys.boundary.Surveys;

/**
 * A published survey's results. Everyone reads the findings staff made public; members read the national figures;
 * members of districts that answered, and staff, pick a peer group, and a member sees their district beside it.
 */
@Named
@RequestScoped
public class ResultsPage {

    /** One row of a chart's table; {@code yours} marks the reader's district's answer or value. */
    public record Figure(String label, String value, String note, boolean yours) {}

    /** A question's figures: a chart and its table, or why they are hidden. */
    public record Question(
            Benchmarks.QuestionFigures figures, String key, String hidden, String chart, List<Figure> table) {
        public String getHeight() {
            return SurveyCharts.height(table.size());
        }
    }

    public record Section(String title, List<Question> questions) {}

    @Inject
    Surveys surveys;

    @Inject
    Benchmarks benchmarks;

    @Inject
    SurveyFindings findings;

    @Inject
    Caller caller;

    private Integer year;
    private String group;
    private Surveys.SurveyView survey;
    private List<SurveyFindings.FindingView> findingList = List.of();
    private boolean answered;
    private List<Benchmarks.PeerGroupView> groups = List.of();
    private Benchmarks.PeerResults results;
    private List<Section> sections = List.of();
    private Surveys.SurveySummary openSurvey;

    public void load() {
        if (year == null) {
            PageMessages.error("Say which year's results to show, such as ?year=2021.");
            return;
        }
        try {
            survey = surveys.byYear(year);
        } catch (ProblemException missing) {
            PageMessages.error(missing.detail());
            return;
        }
        findingList = findings.list(survey.id());
        if (!isPublished() || !isMember()) {
            return;
        }
        answered = benchmarks.answered(survey.id());
        String asked = isPeers() && group != null && !group.isBlank() ? group : "all";
        if (isPeers()) {
            groups = benchmarks.groups(survey.id());
        } else {
            openSurvey = surveys.list().stream()
                    .filter(s -> s.status().equals("OPEN"))
                    .findFirst()
                    .orElse(null);
        }
        try {
            results = answered ? benchmarks.benchmark(survey.id(), asked) : benchmarks.results(survey.id(), asked);
        } catch (ProblemException refused) {
            PageMessages.error(refused.detail());
            results = benchmarks.results(survey.id(), "all");
        }
        Map<String, List<Question>> bySection = new LinkedHashMap<>();
        for (Benchmarks.QuestionFigures q : results.questions()) {
            bySection.computeIfAbsent(q.section(), s -> new ArrayList<>()).add(question(q));
        }
        sections = bySection.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue()))
                .toList();
    }

    private Question question(Benchmarks.QuestionFigures q) {
        String key = SurveyTexts.key(q.code());
        if (q.suppressed()) {
            return new Question(q, key, SurveyTexts.hidden(q.reason(), survey.minGroupSize()), null, List.of());
        }
        Bars bars = new Bars();
        if (q.distribution() != null) {
            List<String> chosen = SurveyTexts.choices(q.yours());
            q.distribution().forEach((choice, percent) -> {
                boolean mine = chosen.contains(choice);
                bars.add(choice, percent, SurveyTexts.number("PERCENT", percent), mine ? "Your answer" : "", mine);
            });
            return new Question(q, key, null, bars.chart("Share of districts, %"), bars.table);
        }
        Benchmarks.Quartiles quartiles = q.quartiles();
        for (Map.Entry<String, BigDecimal> quartile : List.of(
                Map.entry("25th percentile", quartiles.p25()),
                Map.entry("Median", quartiles.median()),
                Map.entry("75th percentile", quartiles.p75()))) {
            bars.add(
                    quartile.getKey(),
                    quartile.getValue(),
                    SurveyTexts.number(q.type(), quartile.getValue()),
                    "",
                    false);
        }
        if (q.yours() != null) {
            BigDecimal value = new BigDecimal(SurveyTexts.answer(q.yours()));
            bars.add(
                    SurveyCharts.YOUR_DISTRICT,
                    value,
                    SurveyTexts.number(q.type(), value),
                    q.percentile() == null ? "" : ordinal(q.percentile()) + " percentile of the group",
                    true);
        }
        return new Question(
                q,
                key,
                null,
                bars.chart(
                        switch (q.type()) {
                            case "CURRENCY" -> "Dollars";
                            case "PERCENT" -> "Percent";
                            default -> "Value";
                        }),
                bars.table);
    }

    /** A chart's bars and the rows of the table beside it, added together so that they always agree. */
    private static final class Bars {
        final List<Figure> table = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<BigDecimal> values = new ArrayList<>();
        final List<Boolean> yours = new ArrayList<>();

        void add(String label, BigDecimal value, String shown, String note, boolean mine) {
            table.add(new Figure(label, shown, note, mine));
            labels.add(label);
            values.add(value);
            yours.add(mine);
        }

        String chart(String series) {
            return SurveyCharts.bars(series, labels, values, yours);
        }
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** The id of a question's figure, for a finding to link to. */
    public String key(String code) {
        return SurveyTexts.key(code);
    }

    public boolean isPublished() {
        return survey != null && survey.status().equals("PUBLISHED");
    }

    /** Members read the figures; staff read them as members do. */
    public boolean isMember() {
        return caller.is(Role.MEMBER) || caller.staff();
    }

    /** Whether the reader may pick a peer group: give to get, and staff. */
    public boolean isPeers() {
        return answered || caller.staff();
    }

    public boolean isAnswered() {
        return answered;
    }

    /** The open survey a reader whose district did not answer could answer next; null when none is open. */
    public Surveys.SurveySummary getOpenSurvey() {
        return openSurvey;
    }

    public String getShownGroup() {
        return results == null ? "all" : results.group();
    }

    public String getGroupText(Benchmarks.PeerGroupView g) {
        if (g.suppressed()) {
            return g.label() + " (too few districts to show)";
        }
        return g.label() + (g.respondents() == 0 ? " (no district)" : " (" + g.respondents() + " districts)");
    }

    public Surveys.SurveyView getSurvey() {
        return survey;
    }

    public List<SurveyFindings.FindingView> getFindings() {
        return findingList;
    }

    public List<Benchmarks.PeerGroupView> getGroups() {
        return groups;
    }

    public Benchmarks.PeerResults getResults() {
        return results;
    }

    public List<Section> getSections() {
        return sections;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
