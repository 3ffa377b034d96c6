package org.ctoforum.surveys.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.ctoforum.surveys.control.QuestionSpec.Shares;
import org.ctoforum.surveys.control.QuestionSpec.Spread;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.QuestionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo survey file and what the generator makes of it. Figures are checked over everyone who answered, the named
 * districts included, since that is what the portal will publish.
 */
class SurveyDemoDataTest {

    private static final Path SURVEYS = Path.of("seeds/surveys.json");
    private static final Path MEMBERS = Path.of("seeds/members.json");

    private static JsonObject file;
    private static long seed;
    private static final Map<Integer, JsonObject> surveys = new LinkedHashMap<>();
    private static final Map<Integer, List<QuestionSpec>> questions = new LinkedHashMap<>();
    private static List<String> namedDistricts;
    private static List<GeneratedDistrict> districts;
    private static final Map<Integer, Map<GeneratedDistrict, Map<String, Object>>> generated = new LinkedHashMap<>();
    private static final Map<Integer, List<Map<String, Object>>> everyone = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        file = read(SURVEYS);
        seed = file.getJsonNumber("generatorSeed").longValue();
        for (JsonObject survey : file.getJsonArray("surveys").getValuesAs(JsonObject.class)) {
            int year = survey.getInt("year");
            surveys.put(year, survey);
            questions.put(year, questionsOf(survey));
        }
        namedDistricts = file.getJsonArray("districts").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("name"))
                .toList();

        var data = new SurveyDemoData(seed);
        districts = data.districts(file.getInt("districtCount") - namedDistricts.size(), takenNames());
        List<GeneratedDistrict> respondents = districts;
        for (var survey : surveys.entrySet()) {
            int year = survey.getKey();
            if (survey.getValue().containsKey("returningShare")) {
                double share = survey.getValue().getJsonNumber("returningShare").doubleValue();
                respondents = data.returning(respondents, year, share);
            }
            var answers = data.answers(year, respondents, questions.get(year));
            generated.put(year, answers);
            List<Map<String, Object>> all = new ArrayList<>(answers.values());
            all.addAll(namedAnswers(year));
            everyone.put(year, all);
        }
    }

    @Test
    void eachYearHasUniqueCodesAndEveryType() {
        for (var year : questions.entrySet()) {
            List<String> codes =
                    year.getValue().stream().map(QuestionSpec::code).toList();
            assertEquals(codes.size(), new HashSet<>(codes).size(), year.getKey() + " repeats a code");
            Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
            year.getValue().forEach(q -> types.add(q.type()));
            assertEquals(EnumSet.allOf(QuestionType.class), types, year.getKey() + " lacks a type");
            assertTrue(codes.size() >= 20 && codes.size() <= 25, year.getKey() + " has " + codes.size());
            int sections = surveys.get(year.getKey()).getJsonArray("sections").size();
            assertTrue(sections >= 5 && sections <= 6, year.getKey() + " has " + sections + " sections");
            assertTrue(year.getValue().stream().anyMatch(q -> !q.required()), "some questions are optional");
        }
    }

    @Test
    void singleAndScaleSharesAddUpTo100AndScalesHaveNoOptions() {
        for (JsonObject survey : surveys.values()) {
            for (JsonObject question : questionObjects(survey)) {
                String type = question.getString("type");
                if (type.equals("SINGLE") || type.equals("SCALE")) {
                    double sum = question.getJsonObject("target").getJsonObject("percent").values().stream()
                            .mapToDouble(v -> ((JsonNumber) v).doubleValue())
                            .sum();
                    assertEquals(100, sum, 0.001, question.getString("code"));
                }
                if (type.equals("SCALE")) {
                    assertTrue(question.isNull("options"), question.getString("code"));
                    assertEquals(1, question.getInt("min"));
                    assertEquals(5, question.getInt("max"));
                }
                if (type.equals("PERCENT")) {
                    assertEquals(0, question.getInt("min"));
                    assertEquals(100, question.getInt("max"));
                }
            }
        }
    }

    @Test
    void codesCarryOverAndNewQuestionsGetNewCodes() {
        Set<String> before = codes(2020);
        Set<String> after = codes(2021);
        Set<String> dropped = new HashSet<>(before);
        dropped.removeAll(after);
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        assertEquals(Set.of("STAFF.PD_HOURS"), dropped);
        assertEquals(Set.of("CYBER.INCIDENT_PAST_YEAR", "EQUITY.REMOTE_READINESS"), added);
        for (String code : after) {
            if (before.contains(code)) {
                assertEquals(question(2020, code).type(), question(2021, code).type(), code + " keeps its type");
            }
        }
    }

    @Test
    void everyFindingPointsAtAQuestionOfItsYear() {
        for (var survey : surveys.entrySet()) {
            List<JsonObject> findings =
                    survey.getValue().getJsonArray("findings").getValuesAs(JsonObject.class);
            for (JsonObject finding : findings) {
                assertTrue(codes(survey.getKey()).contains(finding.getString("code")), finding.getString("title"));
                int sentences = finding.getString("body").split("(?<=[.!?])\\s+").length;
                assertTrue(sentences >= 2 && sentences <= 4, finding.getString("title"));
            }
        }
        List<JsonObject> first = surveys.get(2020).getJsonArray("findings").getValuesAs(JsonObject.class);
        assertEquals(10, first.size());
        assertTrue(first.stream().filter(f -> !f.getBoolean("public")).count() <= 2);
        int second = surveys.get(2021).getJsonArray("findings").size();
        assertTrue(second >= 4 && second <= 6);
    }

    @Test
    void theNamedDistrictsAnswerAsTheirQuestionsAllow() {
        Map<String, Set<String>> years = new LinkedHashMap<>();
        for (JsonObject district : file.getJsonArray("districts").getValuesAs(JsonObject.class)) {
            String state = district.getString("state");
            assertEquals(
                    CensusRegion.valueOf(district.getString("region")),
                    CensusRegion.ofState(state).orElseThrow());
            DistrictLocale.valueOf(district.getString("locale"));
            years.put(
                    district.getString("name"),
                    district.getJsonObject("answers").keySet());
        }
        assertEquals(
                Map.of(
                        "Riverbend Unified School District", Set.of("2020", "2021"),
                        "Cedar Hollow Public Schools", Set.of("2020")),
                years);
        assertEquals(2 + 1, namedAnswers(2020).size() + namedAnswers(2021).size(), "answers fit their questions");
    }

    @Test
    void everyShareMeetsItsTargetWithinOnePoint() {
        List<Runnable> checks = new ArrayList<>();
        for (int year : questions.keySet()) {
            for (QuestionSpec q : questions.get(year)) {
                if (q.target() instanceof Shares shares) {
                    for (String choice : q.choices()) {
                        double share = share(year, q.code(), choice);
                        checks.add(() ->
                                assertEquals(shares.of(choice), share, 1.0, year + " " + q.code() + " " + choice));
                    }
                }
            }
        }
        assertAll(checks.stream().map(check -> check::run));
    }

    @Test
    void numericAnswersFollowTheirQuartilesWithinFivePercent() {
        for (int year : questions.keySet()) {
            for (QuestionSpec q : questions.get(year)) {
                if (q.target() instanceof Spread spread) {
                    List<BigDecimal> values = answersTo(year, q.code()).stream()
                            .map(BigDecimal.class::cast)
                            .sorted()
                            .toList();
                    String what = year + " " + q.code();
                    assertWithin(spread.p25(), percentile(values, 0.25), what + " p25");
                    assertWithin(spread.median(), percentile(values, 0.5), what + " median");
                    assertWithin(spread.p75(), percentile(values, 0.75), what + " p75");
                    assertTrue(values.get(0).compareTo(spread.min()) >= 0, what + " min");
                    assertTrue(values.get(values.size() - 1).compareTo(spread.max()) <= 0, what + " max");
                }
            }
        }
    }

    @Test
    void everyGeneratedAnswerIsOneItsQuestionAccepts() {
        for (int year : questions.keySet()) {
            for (Map<String, Object> answers : generated.get(year).values()) {
                for (QuestionSpec q : questions.get(year)) {
                    Object answer = answers.get(q.code());
                    assertTrue(answer == null || q.accepts(answer), year + " " + q.code() + " " + answer);
                    assertTrue(answer != null || !q.required() || q.type() == QuestionType.TEXT, q.code());
                }
            }
        }
    }

    @Test
    void the2020FiguresAreThoseOfThePublishedSurvey() {
        assertEquals(74, share(2020, "ROLE.OVERSEES_BOTH", "Both instructional and administrative technology"), 1);
        assertEquals(96, 100 - share(2020, "EQUITY.PRIORITY", "Not a priority"), 1);
        assertEquals(49, share(2020, "NET.FCC_GOAL_MET", "Yes"), 1);
        assertEquals(75, 100 - share(2020, "CONTENT.DECIDES", "No, others decide without me"), 1);
        assertTrue(100 - share(2020, "STAFF.ADEQUATE_CLASSROOM_SUPPORT", "Yes, we are staffed for it") > 50);
        assertTrue(share(2020, "AI.ROLE_EXPECTED", "A transformational role")
                        + share(2020, "AI.ROLE_EXPECTED", "A significant role")
                > 50);
        assertEquals("Cybersecurity", mostChosen(2020, "PRIORITY.TOP").get(0));
        assertEquals(
                List.of(
                        "Budget constraints",
                        "Professional development for teachers and staff",
                        "Departments working in silos"),
                mostChosen(2020, "PRIORITY.CHALLENGES").subList(0, 3));
        for (String threat : question(2020, "CYBER.HIGH_RISK_THREATS").options()) {
            if (!threat.equals("None of these")) {
                assertTrue(share(2020, "CYBER.HIGH_RISK_THREATS", threat) < 20, threat);
            }
        }
        assertTrue(share(2020, "DIVERSITY.GENDER", "Woman") < 30);
        assertTrue(share(2020, "DIVERSITY.RACE_ETHNICITY", "White") > 80);
    }

    @Test
    void the2021FiguresShowTheTrends() {
        assertEquals(57, share(2021, "NET.FCC_GOAL_MET", "Yes"), 1);
        assertTrue(share(2021, "DIVERSITY.GENDER", "Woman") < share(2020, "DIVERSITY.GENDER", "Woman"));
        assertTrue(aiExpectations(2021) > aiExpectations(2020) + 5);
        assertEquals("Cybersecurity", mostChosen(2021, "PRIORITY.TOP").get(0));
    }

    @Test
    void aDistrictThatMeetsTheBroadbandGoalReportsTheBandwidthForIt() {
        for (var year : generated.entrySet()) {
            for (Map<String, Object> answers : year.getValue().values()) {
                boolean enough = ((BigDecimal) answers.get("NET.MBPS_PER_1000")).intValue() >= 1000;
                Object met = answers.get("NET.FCC_GOAL_MET");
                assertEquals(met.equals("Yes"), enough, year.getKey() + " " + answers.get("NET.MBPS_PER_1000"));
            }
        }
    }

    @Test
    void peerGroupsDiffer() {
        Predicate<GeneratedDistrict> bigSuburb =
                d -> d.locale() == DistrictLocale.SUBURBAN && d.band().compareTo(EnrollmentBand.FROM_10000) >= 0;
        Predicate<GeneratedDistrict> smallRural =
                d -> d.locale() == DistrictLocale.RURAL && d.band() == EnrollmentBand.UNDER_2500;
        assertTrue(shareAmong(2020, bigSuburb, "NET.FCC_GOAL_MET", "Yes")
                > shareAmong(2020, smallRural, "NET.FCC_GOAL_MET", "Yes") + 20);
        assertTrue(medianBudget(d -> d.band() == EnrollmentBand.FROM_10000)
                > 5 * medianBudget(d -> d.band() == EnrollmentBand.UNDER_2500));
    }

    @Test
    void theSameSeedGivesTheSameData() {
        var again = new SurveyDemoData(seed);
        List<GeneratedDistrict> same = again.districts(districts.size(), takenNames());
        assertEquals(districts, same);
        assertEquals(generated.get(2020), again.answers(2020, same, questions.get(2020)));
        assertFalse(districts.equals(new SurveyDemoData(seed + 1).districts(districts.size(), takenNames())));
    }

    @Test
    void districtNamesAreUniqueAndStayClearOfRealMembers() {
        assertEquals(498, districts.size());
        Set<String> names = districts.stream().map(GeneratedDistrict::name).collect(Collectors.toSet());
        assertEquals(districts.size(), names.size());
        for (String taken : takenNames()) {
            assertFalse(names.contains(taken), taken);
        }
        assertTrue(names.stream().noneMatch(n -> n.replace(" ", "").startsWith("Riverbend")));
        for (GeneratedDistrict d : districts) {
            assertEquals(d.region(), CensusRegion.ofState(d.state()).orElseThrow(), d.name());
        }
    }

    @Test
    void enrollmentFollowsTheUsSpreadAndLocaleFollowsSize() {
        Map<EnrollmentBand, Double> expected = Map.of(
                EnrollmentBand.UNDER_2500, 45.0,
                EnrollmentBand.FROM_2500, 35.0,
                EnrollmentBand.FROM_10000, 17.0,
                EnrollmentBand.FROM_50000, 3.0);
        for (var band : expected.entrySet()) {
            double share = 100.0
                    * districts.stream().filter(d -> d.band() == band.getKey()).count()
                    / districts.size();
            assertEquals(band.getValue(), share, 1.0, band.getKey().name());
        }
        double ruralSmall = localeShare(EnrollmentBand.UNDER_2500, DistrictLocale.RURAL);
        double ruralLarge = localeShare(EnrollmentBand.FROM_10000, DistrictLocale.RURAL);
        assertTrue(ruralSmall > 50 && ruralLarge < 25, ruralSmall + " " + ruralLarge);
        assertTrue(localeShare(EnrollmentBand.FROM_50000, DistrictLocale.CITY)
                        + localeShare(EnrollmentBand.FROM_50000, DistrictLocale.SUBURBAN)
                > 70);
    }

    @Test
    void mostDistrictsAnswerAgainTheNextYear() {
        Set<GeneratedDistrict> first = generated.get(2020).keySet();
        Set<GeneratedDistrict> second = generated.get(2021).keySet();
        assertTrue(first.containsAll(second));
        assertEquals(92, 100.0 * second.size() / first.size(), 1);
    }

    @Test
    void optionalQuestionsAreSkippedByAboutOneInTenAndFreeTextIsRare() {
        int respondents = generated.get(2020).size();
        assertEquals(90, 100.0 * answersTo(2020, "BUDGET.IT_OPERATING").size() / (respondents + 2), 1);
        assertEquals(15, 100.0 * answersTo(2020, "PRIORITY.ONE_WISH").size() / (respondents + 2), 1);
        Set<Object> samples = Set.copyOf(answersTo(2020, "PRIORITY.ONE_WISH"));
        assertTrue(samples.size() >= 6, "every sample answer is used");
    }

    private static double aiExpectations(int year) {
        return share(year, "AI.ROLE_EXPECTED", "A transformational role")
                + share(year, "AI.ROLE_EXPECTED", "A significant role");
    }

    private static double localeShare(EnrollmentBand band, DistrictLocale locale) {
        List<GeneratedDistrict> inBand =
                districts.stream().filter(d -> d.band() == band).toList();
        return 100.0 * inBand.stream().filter(d -> d.locale() == locale).count() / inBand.size();
    }

    /** The percentage of those who answered a question that gave, or for MULTI included, a choice. */
    private static double share(int year, String code, String choice) {
        return sharePicking(answersTo(year, code), choice);
    }

    /** The same among generated peers only. */
    private static double shareAmong(int year, Predicate<GeneratedDistrict> peers, String code, String choice) {
        List<Object> answers = generated.get(year).entrySet().stream()
                .filter(e -> peers.test(e.getKey()) && e.getValue().containsKey(code))
                .map(e -> e.getValue().get(code))
                .toList();
        return sharePicking(answers, choice);
    }

    private static double sharePicking(List<Object> answers, String choice) {
        long picked = answers.stream()
                .filter(a -> a instanceof List<?> picks
                        ? picks.contains(choice)
                        : a.toString().equals(choice))
                .count();
        return 100.0 * picked / answers.size();
    }

    /** The choices from the most to the least given. */
    private static List<String> mostChosen(int year, String code) {
        List<String> choices = new ArrayList<>(question(year, code).choices());
        choices.sort((a, b) -> Double.compare(share(year, code, b), share(year, code, a)));
        return choices;
    }

    private static double medianBudget(Predicate<GeneratedDistrict> peers) {
        List<BigDecimal> budgets = generated.get(2020).entrySet().stream()
                .filter(e -> peers.test(e.getKey()) && e.getValue().containsKey("BUDGET.IT_OPERATING"))
                .map(e -> (BigDecimal) e.getValue().get("BUDGET.IT_OPERATING"))
                .sorted()
                .toList();
        return percentile(budgets, 0.5).doubleValue();
    }

    /** Everyone's answers to a question in a year, leaving out those who skipped it. */
    private static List<Object> answersTo(int year, String code) {
        return everyone.get(year).stream()
                .map(answers -> answers.get(code))
                .filter(a -> a != null)
                .toList();
    }

    /** Linear between the closest ranks, as spreadsheets compute it. */
    private static BigDecimal percentile(List<BigDecimal> sorted, double p) {
        double at = p * (sorted.size() - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.size() - 1);
        double low = sorted.get(below).doubleValue();
        return BigDecimal.valueOf(low + (sorted.get(above).doubleValue() - low) * (at - below));
    }

    private static void assertWithin(BigDecimal expected, BigDecimal actual, String what) {
        double tolerance = 0.05 * expected.abs().doubleValue();
        assertEquals(expected.doubleValue(), actual.doubleValue(), tolerance, what);
    }

    private static Set<String> codes(int year) {
        return questions.get(year).stream().map(QuestionSpec::code).collect(Collectors.toSet());
    }

    private static QuestionSpec question(int year, String code) {
        return questions.get(year).stream()
                .filter(q -> q.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonObject> questionObjects(JsonObject survey) {
        return survey.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .flatMap(section -> section.getJsonArray("questions").getValuesAs(JsonObject.class).stream())
                .toList();
    }

    private static List<QuestionSpec> questionsOf(JsonObject survey) {
        return questionObjects(survey).stream().map(QuestionSpec::fromJson).toList();
    }

    /** The named districts' hand-written answers for a year, read as the generator gives answers. */
    private static List<Map<String, Object>> namedAnswers(int year) {
        List<Map<String, Object>> named = new ArrayList<>();
        for (JsonObject district : file.getJsonArray("districts").getValuesAs(JsonObject.class)) {
            JsonObject written = district.getJsonObject("answers").getJsonObject(Integer.toString(year));
            if (written == null) {
                continue;
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> answer : written.entrySet()) {
                answers.put(answer.getKey(), question(year, answer.getKey()).answerFromJson(answer.getValue()));
            }
            for (QuestionSpec q : questions.get(year)) {
                assertTrue(!q.required() || answers.containsKey(q.code()), district.getString("name") + " " + q.code());
            }
            named.add(answers);
        }
        return named;
    }

    /** The named survey districts and the members' districts, which no generated name may echo. */
    private static List<String> takenNames() {
        List<String> taken = new ArrayList<>(namedDistricts);
        try {
            read(MEMBERS).getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                    .map(account -> account.getString("district", null))
                    .filter(name -> name != null)
                    .forEach(taken::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return taken;
    }

    private static JsonObject read(Path path) throws IOException {
        try (Reader in = Files.newBufferedReader(path);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}
