package org.ctoforum.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.QuestionType;
import org.junit.jupiter.api.Test;

class SurveyFiguresTest {

    private static final SurveyFigures.Question FCC =
            new SurveyFigures.Question("NET.FCC", QuestionType.SINGLE, List.of("Yes", "No"));
    private static final SurveyFigures.Question BUDGET =
            new SurveyFigures.Question("BUDGET.IT", QuestionType.CURRENCY, List.of());
    private static final SurveyFigures.Question WISH =
            new SurveyFigures.Question("PRIORITY.WISH", QuestionType.TEXT, List.of());

    @Test
    void quartilesInterpolateAndAreRoundedSoNoFigureIsOneDistrictsOwn() {
        List<BigDecimal> values =
                List.of(10, 20, 30, 40).stream().map(BigDecimal::valueOf).toList();
        assertEquals(0, new BigDecimal("17.5").compareTo(SurveyFigures.quantile(values, 0.25)));
        assertEquals(0, new BigDecimal("25").compareTo(SurveyFigures.quantile(values, 0.5)));
        assertEquals(
                "760000",
                SurveyFigures.rounded(QuestionType.CURRENCY, new BigDecimal("758123.45"))
                        .toPlainString());
        assertEquals(
                "63",
                SurveyFigures.rounded(QuestionType.PERCENT, new BigDecimal("62.5"))
                        .toPlainString());
        assertEquals(
                "6.5",
                SurveyFigures.rounded(QuestionType.NUMBER, new BigDecimal("6.5"))
                        .toPlainString());
        assertEquals(
                "100",
                SurveyFigures.rounded(QuestionType.PERCENT, new BigDecimal("100"))
                        .toPlainString());
        assertEquals(50, SurveyFigures.percentile(values, BigDecimal.valueOf(25)));
        assertEquals(63, SurveyFigures.percentile(values, BigDecimal.valueOf(30)));
    }

    @Test
    void smallGroupsAndFreeTextShowNoFigures() {
        List<SurveyFigures.Participant> districts = new ArrayList<>();
        Map<Long, Map<String, String>> answers = new HashMap<>();
        Random random = new Random(7);
        for (long id = 1; id <= 300; id++) {
            // Every district in the Northeast is a large city one: that band×locale cell holds few.
            boolean few = id <= 4;
            districts.add(new SurveyFigures.Participant(
                    id,
                    few ? EnrollmentBand.FROM_50000 : EnrollmentBand.values()[random.nextInt(3)],
                    few ? DistrictLocale.CITY : DistrictLocale.values()[1 + random.nextInt(3)],
                    few ? CensusRegion.NORTHEAST : CensusRegion.values()[1 + random.nextInt(3)]));
            answers.put(
                    id,
                    Map.of(
                            "NET.FCC",
                            random.nextBoolean() ? "\"Yes\"" : "\"No\"",
                            "BUDGET.IT",
                            String.valueOf(100_000 + random.nextInt(900_000)),
                            "PRIORITY.WISH",
                            "\"More staff\""));
        }
        SurveyFigures.Figures figures = SurveyFigures.compute(List.of(FCC, BUDGET, WISH), districts, answers, 10);
        Map<String, SurveyFigures.ResultRow> fcc = new HashMap<>();
        for (SurveyFigures.ResultRow row : figures.results()) {
            if (row.code().equals("NET.FCC")) {
                fcc.put(row.group(), row);
            }
            if (row.code().equals("PRIORITY.WISH")) {
                assertEquals(SurveyFigures.FREE_TEXT, row.suppressed());
                assertNull(row.distribution());
            }
            if (row.suppressed() == null && row.respondents() > 0) {
                assertTrue(row.respondents() >= 10, row.toString());
            }
        }
        assertEquals("FEWER_THAN_K", fcc.get("band:50000-plus").suppressed());
        assertEquals("FEWER_THAN_K", fcc.get("region:northeast").suppressed());
        assertNotNull(fcc.get("band:50000-plus").toString());
        assertEquals(
                0,
                new BigDecimal("100.0")
                        .compareTo(fcc.get("all").distribution().values().stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        long hiddenBands = fcc.entrySet().stream()
                .filter(e -> e.getKey().startsWith("band:") && e.getValue().suppressed() != null)
                .count();
        assertTrue(hiddenBands >= 2, "a lone hidden band is all minus the others");
        assertTrue(figures.standings().stream().allMatch(s -> s.percentile() >= 0 && s.percentile() <= 100));
        assertTrue(figures.standings().stream().noneMatch(s -> s.group().equals("band:50000-plus")));
    }
}
