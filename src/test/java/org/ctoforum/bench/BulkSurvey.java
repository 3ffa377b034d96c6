package org.ctoforum.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.control.GeneratedDistrict;
import org.ctoforum.surveys.control.QuestionSpec;
import org.ctoforum.surveys.control.SurveyDemoData;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;

/**
 * A survey as large as issue 26's benchmark asks for: the questions of the demo's latest survey, asked again under new
 * codes until there are enough, and districts shaped like the demo population with the answers the demo generator
 * gives them. Districts, responses and answers go straight into the portal's database in JDBC batches: through the API
 * a thousand districts would need a thousand member accounts.
 */
final class BulkSurvey {

    private static final Path SEEDS = Path.of("seeds", "surveys.json");
    // Not the demo's seed, so the benchmark's districts are others than the demo's.
    private static final long GENERATOR_SEED = 20_900_101L;
    private static final int BATCH = 2_000;
    private static final int DISTRICTS_PER_BATCH = 500;

    /** The districts that answer, by id, and the answers each stores, as JSON by question code. */
    record Respondents(Map<Long, GeneratedDistrict> districts, Map<Long, Map<String, String>> answers) {
        int answerCount() {
            return answers.values().stream().mapToInt(Map::size).sum();
        }
    }

    private final List<JsonObject> sections;
    private final List<QuestionSpec> questions;

    private BulkSurvey(List<JsonObject> sections, List<QuestionSpec> questions) {
        this.sections = sections;
        this.questions = questions;
    }

    /**
     * {@code count} questions: the latest demo survey's, then again with {@code _2}, {@code _3}, … on each code, section
     * by section, so the mix of types stays the demo's.
     */
    static BulkSurvey of(int count) throws IOException {
        JsonObject seed;
        try (Reader in = Files.newBufferedReader(SEEDS);
                JsonReader json = Json.createReader(in)) {
            seed = json.readObject();
        }
        List<JsonObject> surveys = seed.getJsonArray("surveys").getValuesAs(JsonObject.class);
        List<JsonObject> demoSections =
                surveys.get(surveys.size() - 1).getJsonArray("sections").getValuesAs(JsonObject.class);
        List<JsonObject> sections = new ArrayList<>();
        List<QuestionSpec> questions = new ArrayList<>();
        for (int round = 1; questions.size() < count; round++) {
            String suffix = round == 1 ? "" : "_" + round;
            for (JsonObject section : demoSections) {
                JsonArrayBuilder asked = Json.createArrayBuilder();
                for (JsonObject q : section.getJsonArray("questions").getValuesAs(JsonObject.class)) {
                    if (questions.size() == count) {
                        break;
                    }
                    JsonObject renamed = Json.createObjectBuilder(q)
                            .add("code", q.getString("code") + suffix)
                            .build();
                    questions.add(QuestionSpec.fromJson(renamed));
                    asked.add(renamed);
                }
                JsonObject added = Json.createObjectBuilder()
                        .add("title", section.getString("title") + (round == 1 ? "" : " (" + round + ")"))
                        .add("questions", asked)
                        .build();
                if (!added.getJsonArray("questions").isEmpty()) {
                    sections.add(added);
                }
            }
        }
        return new BulkSurvey(List.copyOf(sections), List.copyOf(questions));
    }

    List<QuestionSpec> questions() {
        return questions;
    }

    /** The body of {@code POST /api/surveys}: open from a fortnight ago to a fortnight from today. */
    JsonObject form(int year, LocalDate today) {
        JsonArrayBuilder formSections = Json.createArrayBuilder();
        for (JsonObject section : sections) {
            JsonArrayBuilder formQuestions = Json.createArrayBuilder();
            for (JsonObject q : section.getJsonArray("questions").getValuesAs(JsonObject.class)) {
                JsonObjectBuilder question = Json.createObjectBuilder()
                        .add("code", q.getString("code"))
                        .add("text", q.getString("text"))
                        .add("type", q.getString("type"))
                        .add("required", q.getBoolean("required", true))
                        .add("min", q.getOrDefault("min", JsonValue.NULL))
                        .add("max", q.getOrDefault("max", JsonValue.NULL));
                if (q.get("options") instanceof JsonArray options) {
                    question.add("options", options);
                }
                formQuestions.add(question);
            }
            formSections.add(Json.createObjectBuilder()
                    .add("title", section.getString("title"))
                    .add("questions", formQuestions));
        }
        return Json.createObjectBuilder()
                .add("year", year)
                .add("title", "Benchmark survey " + year)
                .add("opens", today.minusWeeks(2).toString())
                .add("closes", today.plusWeeks(2).toString())
                .add("sections", formSections)
                .build();
    }

    /**
     * Inserts {@code count - 1} new districts and counts the existing district {@code named} among the respondents,
     * so that its members can read the benchmark; then draws everyone's answers with the demo generator.
     */
    Respondents respondents(Connection db, int count, String named, int year) throws SQLException {
        GeneratedDistrict member;
        long memberId;
        try (PreparedStatement query = db.prepareStatement(
                "select id, state, enrollment, locale, region from survey_district where name = ?")) {
            query.setString(1, named);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The demo has no district " + named);
                }
                memberId = row.getLong(1);
                member = new GeneratedDistrict(
                        named,
                        row.getString(2),
                        row.getInt(3),
                        DistrictLocale.valueOf(row.getString(4)),
                        CensusRegion.valueOf(row.getString(5)));
            }
        }
        Map<Long, GeneratedDistrict> districts = new LinkedHashMap<>();
        districts.put(memberId, member);
        districts.putAll(insert(db, generated(count - 1)));
        SurveyDemoData data = new SurveyDemoData(GENERATOR_SEED);
        Map<GeneratedDistrict, Map<String, Object>> drawn =
                data.answers(year, List.copyOf(districts.values()), questions);
        Map<String, QuestionSpec> byCode = new LinkedHashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        Map<Long, Map<String, String>> answers = new LinkedHashMap<>();
        districts.forEach((id, district) -> {
            Map<String, String> stored = new LinkedHashMap<>();
            drawn.get(district).forEach((code, value) -> {
                String json = AnswerRules.normalize(byCode.get(code).asked(), QuestionSpec.answerToJson(value));
                if (json != null) {
                    stored.put(code, json);
                }
            });
            answers.put(id, stored);
        });
        return new Respondents(districts, answers);
    }

    /** A submitted response for each district, with its answers; returns the number of answers written. */
    static int answer(Connection db, long surveyId, Respondents respondents) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, Long> responses = new LinkedHashMap<>();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into survey_response (survey_id, district_id, started_at, updated_at, submitted_at)"
                        + " values (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (long district : respondents.answers().keySet()) {
                insert.setLong(1, surveyId);
                insert.setLong(2, district);
                insert.setObject(3, now.minusDays(1));
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (long district : respondents.answers().keySet()) {
                    keys.next();
                    responses.put(district, keys.getLong(1));
                }
            }
        }
        int written = 0;
        try (PreparedStatement insert = db.prepareStatement(
                "insert into survey_answer (response_id, question_code, value, changed_at) values (?, ?, ?, ?)")) {
            for (Map.Entry<Long, Map<String, String>> district :
                    respondents.answers().entrySet()) {
                for (Map.Entry<String, String> given : district.getValue().entrySet()) {
                    insert.setLong(1, responses.get(district.getKey()));
                    insert.setString(2, given.getKey());
                    insert.setString(3, given.getValue());
                    insert.setObject(4, now.minusDays(1));
                    insert.addBatch();
                    if (++written % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return written;
    }

    /**
     * The generator knows some 1,200 place names and keeps looking until it finds an unused one, so districts are
     * drawn in batches well below that, each batch marked in the name: no two clash, nor with the demo's.
     */
    private static List<GeneratedDistrict> generated(int count) {
        List<GeneratedDistrict> generated = new ArrayList<>();
        for (int batch = 1; generated.size() < count; batch++) {
            String mark = " (benchmark " + batch + ")";
            new SurveyDemoData(GENERATOR_SEED + batch)
                    .districts(Math.min(DISTRICTS_PER_BATCH, count - generated.size()), List.of()).stream()
                            .map(d -> new GeneratedDistrict(
                                    d.name() + mark, d.state(), d.enrollment(), d.locale(), d.region()))
                            .forEach(generated::add);
        }
        return generated;
    }

    private static Map<Long, GeneratedDistrict> insert(Connection db, List<GeneratedDistrict> generated)
            throws SQLException {
        Map<Long, GeneratedDistrict> ids = new LinkedHashMap<>();
        try (PreparedStatement insert = db.prepareStatement(
                "insert into survey_district (name, state, enrollment, locale, region, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (GeneratedDistrict d : generated) {
                insert.setString(1, d.name());
                insert.setString(2, d.state());
                insert.setInt(3, d.enrollment());
                insert.setString(4, d.locale().name());
                insert.setString(5, d.region().name());
                insert.setObject(6, OffsetDateTime.now());
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (GeneratedDistrict d : generated) {
                    keys.next();
                    ids.put(keys.getLong(1), d);
                }
            }
        }
        return ids;
    }
}
