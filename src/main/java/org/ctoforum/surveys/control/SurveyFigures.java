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
            // Each answer is read once per question, then counted in each of its district's five groups.
            Map<Long, String> given = new HashMap<>();
            Map<Long, BigDecimal> numbers = new HashMap<>();
            Map<Long, List<String>> chosen = new HashMap<>();
            for (Participant p : participants) {
                String answer = answers.getOrDefault(p.districtId(), Map.of()).get(question.code());
                if (answer == null) {
                    continue;
                }
                given.put(p.districtId(), answer);
                if (question.type().numeric()) {
                    numbers.put(p.districtId(), AnswerRules.numberOf(answer));
                } else if (question.type().distributed()) {
                    chosen.put(p.districtId(), AnswerRules.choicesOf(answer));
                }
            }
            Map<String, PeerSuppression.Reason> hidden =
                    PeerSuppression.suppress(counts(members, p -> given.containsKey(p.districtId())), k);
            for (PeerGroup group : PeerGroup.all()) {
                List<Participant> answering = members.get(group.key()).stream()
                        .filter(p -> given.containsKey(p.districtId()))
                        .toList();
                PeerSuppression.Reason reason = hidden.get(group.key());
                if (question.type() == QuestionType.TEXT) {
                    results.add(new ResultRow(
                            question.code(), group.key(), answering.size(), FREE_TEXT, null, null, null, null));
                } else if (reason != null || answering.isEmpty()) {
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            answering.size(),
                            reason == null ? null : reason.name(),
                            null,
                            null,
                            null,
                            null));
                } else if (question.type().numeric()) {
                    List<BigDecimal> values = answering.stream()
                            .map(p -> numbers.get(p.districtId()))
                            .sorted()
                            .toList();
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            answering.size(),
                            null,
                            null,
                            rounded(question.type(), quantile(values, 0.25)),
                            rounded(question.type(), quantile(values, 0.5)),
                            rounded(question.type(), quantile(values, 0.75))));
                    for (Participant p : answering) {
                        standings.add(new StandingRow(
                                p.districtId(),
                                question.code(),
                                group.key(),
                                percentile(values, numbers.get(p.districtId()))));
                    }
                } else {
                    results.add(new ResultRow(
                            question.code(),
                            group.key(),
                            answering.size(),
                            null,
                            distribution(
                                    question,
                                    answering.stream()
                                            .map(p -> chosen.get(p.districtId()))
                                            .toList()),
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

    private static Map<String, BigDecimal> distribution(Question question, List<List<String>> given) {
        Map<String, Integer> chosen = new HashMap<>();
        for (List<String> answer : given) {
            answer.forEach(choice -> chosen.merge(choice, 1, Integer::sum));
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
