package org.ctoforum.surveys.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * The figures of a survey, computed once from the submitted answers: for every question and fixed peer group, the
 * respondents and either a distribution or rounded quartiles, with the cells that could single out a district hidden
 * by {@link PeerSuppression}; and where each district's numeric answers stand in its own groups.
 */
public final class SurveyFigures {

    /** Why a free-text question has no figures: its answers are read by staff only. */
    public static final String FREE_TEXT = "FREE_TEXT";

    public record Participant(long districtId, EnrollmentBand band, DistrictLocale locale, CensusRegion region) {}

    public record Question(String code, QuestionType type, List<String> options) {}

    public record GroupRow(String group, String label, int position, int respondents, String suppressed) {}

    public record ResultRow(
            String code,
            String group,
            int respondents,
            String suppressed,
            Map<String, BigDecimal> distribution,
            BigDecimal p25,
            BigDecimal median,
            BigDecimal p75) {}

    public record StandingRow(long districtId, String code, String group, int percentile) {}

    public record Figures(List<GroupRow> groups, List<ResultRow> results, List<StandingRow> standings) {}

    /** {@code answers} maps each participant's district to its stored answers by question code. */
    public static Figures compute(
            List<Question> questions, List<Participant> participants, Map<Long, Map<String, String>> answers, int k) {
        Map<String, List<Participant>> members = new LinkedHashMap<>();
        PeerGroup.all().forEach(group -> members.put(group.key(), new ArrayList<>()));
        for (Participant p : participants) {
            PeerGroup.of(p.band(), p.locale(), p.region())
                    .forEach(group -> members.get(group.key()).add(p));
        }
        List<GroupRow> groups = new ArrayList<>();
        Map<String, PeerSuppression.Reason> hiddenGroups = PeerSuppression.suppress(counts(members, p -> true), k);
        int position = 0;
        for (PeerGroup group : PeerGroup.all()) {
            PeerSuppression.Reason reason = hiddenGroups.get(group.key());
            groups.add(new GroupRow(
                    group.key(),
                    group.label(),
                    position++,
                    members.get(group.key()).size(),
                    reason == null ? null : reason.name()));
        }
        List<ResultRow> results = new ArrayList<>();
        List<StandingRow> standings = new ArrayList<>();
        for (Question question : questions) {
            Map<String, PeerSuppression.Reason> hidden =
                    PeerSuppression.suppress(counts(members, p -> answerOf(answers, p, question) != null), k);
            for (PeerGroup group : PeerGroup.all()) {
                List<String> given = new ArrayList<>();
                List<Participant> answering = new ArrayList<>();
                for (Participant p : members.get(group.key())) {
                    String answer = answerOf(answers, p, question);
                    if (answer != null) {
                        given.add(answer);
                        answering.add(p);
                    }
                }
                PeerSuppression.Reason reason = hidden.get(group.key());
                if (question.type() == QuestionType.TEXT) {
                    results.add(new ResultRow(
                            question.code(), group.key(), given.size(), FREE_TEXT, null, null, null, null));
                } else if (reason != null || given.isEmpty()) {
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            given.size(),
                            reason == null ? null : reason.name(),
                            null,
                            null,
                            null,
                            null));
                } else if (question.type().numeric()) {
                    List<BigDecimal> values =
                            given.stream().map(AnswerRules::numberOf).sorted().toList();
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            given.size(),
                            null,
                            null,
                            rounded(question.type(), quantile(values, 0.25)),
                            rounded(question.type(), quantile(values, 0.5)),
                            rounded(question.type(), quantile(values, 0.75))));
                    for (int i = 0; i < answering.size(); i++) {
                        standings.add(new StandingRow(
                                answering.get(i).districtId(),
                                question.code(),
                                group.key(),
                                percentile(values, AnswerRules.numberOf(given.get(i)))));
                    }
                } else {
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            given.size(),
                            null,
                            distribution(question, given),
                            null,
                            null,
                            null));
                }
            }
        }
        return new Figures(groups, results, standings);
    }

    /** The choices a distributed question counts: its options, or the points of its scale. */
    public static List<String> categories(Question question) {
        if (question.type() == QuestionType.SCALE) {
            return List.of("1", "2", "3", "4", "5");
        }
        return question.options();
    }

    private static Map<String, BigDecimal> distribution(Question question, List<String> given) {
        Map<String, Integer> chosen = new HashMap<>();
        for (String answer : given) {
            AnswerRules.choicesOf(answer).forEach(choice -> chosen.merge(choice, 1, Integer::sum));
        }
        Map<String, BigDecimal> percents = new LinkedHashMap<>();
        for (String category : categories(question)) {
            percents.put(
                    category,
                    BigDecimal.valueOf(100L * chosen.getOrDefault(category, 0))
                            .divide(BigDecimal.valueOf(given.size()), 1, RoundingMode.HALF_UP));
        }
        return percents;
    }

    private static Map<String, Integer> counts(
            Map<String, List<Participant>> members, java.util.function.Predicate<Participant> counted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members.forEach((group, list) ->
                counts.put(group, (int) list.stream().filter(counted).count()));
        return counts;
    }

    private static String answerOf(Map<Long, Map<String, String>> answers, Participant p, Question question) {
        return answers.getOrDefault(p.districtId(), Map.of()).get(question.code());
    }

    /** Linear interpolation between closest ranks, as spreadsheets compute quartiles. */
    static BigDecimal quantile(List<BigDecimal> sorted, double q) {
        double rank = q * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        BigDecimal fraction = BigDecimal.valueOf(rank - below);
        return sorted.get(below)
                .add(sorted.get(above).subtract(sorted.get(below)).multiply(fraction));
    }

    /** Percents to whole numbers, money and counts to two significant figures: no figure is a district's own. */
    static BigDecimal rounded(QuestionType type, BigDecimal value) {
        if (type == QuestionType.PERCENT || value.abs().compareTo(BigDecimal.TEN) < 0) {
            return plain(value.setScale(type == QuestionType.PERCENT ? 0 : 1, RoundingMode.HALF_UP));
        }
        return plain(value.round(new MathContext(2, RoundingMode.HALF_UP)));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The share of the group below the value, counting ties as half, in whole percents. */
    static int percentile(List<BigDecimal> sorted, BigDecimal value) {
        int below = 0;
        int equal = 0;
        for (BigDecimal v : sorted) {
            int c = v.compareTo(value);
            if (c < 0) {
                below++;
            } else if (c == 0) {
                equal++;
            }
        }
        return (int) Math.round(100.0 * (below + equal / 2.0) / sorted.size());
    }

    private SurveyFigures() {}
}
