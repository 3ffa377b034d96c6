package org.ctoforum.surveys.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.database.PortalDataSource;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.control.GeneratedDistrict;
import org.ctoforum.surveys.control.QuestionSpec;
import org.ctoforum.surveys.control.SurveyDemoData;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.District;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.DistrictMember;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyFinding;
import org.ctoforum.surveys.entity.SurveyQuestion;
import org.ctoforum.surveys.entity.SurveySection;
import org.ctoforum.surveys.entity.SurveyStatus;

/**
 * The surveys of seeds/surveys.json, answered by the demo population and published as staff would: closed, with the
 * districts' profiles frozen, then computed. Skipped once the first survey exists.
 */
@Stateless
public class SurveySeed implements DemoSeed {

    private static final Logger LOG = Logger.getLogger(SurveySeed.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    People people;

    @Inject
    Settings settings;

    @Inject
    SurveyPublication publication;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void seed(DemoContext context) {
        JsonObject seed = context.json("surveys.json");
        List<JsonObject> surveys = seed.getJsonArray("surveys").getValuesAs(JsonObject.class);
        if (em.createQuery("select count(s) from Survey s where s.year = :y", Long.class)
                        .setParameter("y", surveys.get(0).getInt("year"))
                        .getSingleResult()
                > 0) {
            return;
        }
        long staff = people.byEmail("staff@demo.local").orElseThrow().id();
        List<JsonObject> named = seed.getJsonArray("districts").getValuesAs(JsonObject.class);
        SurveyDemoData data =
                new SurveyDemoData(seed.getJsonNumber("generatorSeed").longValue());
        List<GeneratedDistrict> generated = data.districts(
                seed.getInt("districtCount") - named.size(),
                named.stream().map(d -> d.getString("name")).toList());
        Map<GeneratedDistrict, Long> ids = new LinkedHashMap<>();
        Map<String, GeneratedDistrict> namedDistricts = new HashMap<>();
        for (JsonObject d : named) {
            GeneratedDistrict district = new GeneratedDistrict(
                    d.getString("name"),
                    d.getString("state"),
                    d.getInt("enrollment"),
                    DistrictLocale.valueOf(d.getString("locale")),
                    CensusRegion.valueOf(d.getString("region")));
            namedDistricts.put(district.name(), district);
            long id = persist(List.of(district), staff).get(0);
            ids.put(district, id);
            for (JsonString email : d.getJsonArray("members").getValuesAs(JsonString.class)) {
                people.byEmail(email.getString()).ifPresent(person -> {
                    DistrictMember member = new DistrictMember(person.id(), id, OffsetDateTime.now());
                    member.confirm(staff, OffsetDateTime.now());
                    em.persist(member);
                });
            }
        }
        List<Long> generatedIds = persist(generated, staff);
        for (int i = 0; i < generated.size(); i++) {
            ids.put(generated.get(i), generatedIds.get(i));
        }
        List<GeneratedDistrict> respondents = generated;
        for (JsonObject surveyJson : surveys) {
            int year = surveyJson.getInt("year");
            if (surveyJson.containsKey("returningShare")) {
                respondents = data.returning(
                        respondents,
                        year,
                        surveyJson.getJsonNumber("returningShare").doubleValue());
            }
            List<QuestionSpec> questions = new ArrayList<>();
            Survey survey = survey(surveyJson, questions);
            Map<GeneratedDistrict, Map<String, Object>> answers =
                    new LinkedHashMap<>(data.answers(year, respondents, questions));
            for (JsonObject d : named) {
                JsonObject given = d.getJsonObject("answers").getJsonObject(String.valueOf(year));
                if (given == null) {
                    continue;
                }
                Map<String, Object> own = new LinkedHashMap<>();
                for (QuestionSpec q : questions) {
                    if (given.containsKey(q.code())) {
                        own.put(q.code(), q.answerFromJson(given.get(q.code())));
                    }
                }
                answers.put(namedDistricts.get(d.getString("name")), own);
            }
            store(survey, questions, answers, ids, named.isEmpty() ? null : memberOf(named));
            publication.freezeProfiles(survey.getId());
            OffsetDateTime closed =
                    survey.getCloses().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            survey.moveTo(SurveyStatus.CLOSED, closed);
            publication.publish(survey);
            survey.moveTo(SurveyStatus.PUBLISHED, closed.plusWeeks(6));
            findings(survey, surveyJson);
            em.flush();
            changes.fire(ContentChanged.of(Content.SURVEY, survey.getId()));
            LOG.info("Demo survey " + year + ": " + answers.size() + " districts answered " + questions.size()
                    + " questions");
        }
    }

    /** One flush for all: a flush per district checked the whole persistence context each time. */
    private List<Long> persist(List<GeneratedDistrict> districts, long staff) {
        List<District> persisted = new ArrayList<>();
        for (GeneratedDistrict d : districts) {
            District district = new District(d.name(), d.state());
            district.describe(d.enrollment(), d.locale(), d.region(), staff, OffsetDateTime.now());
            em.persist(district);
            persisted.add(district);
        }
        em.flush();
        return persisted.stream().map(District::getId).toList();
    }

    private Map<String, Long> memberOf(List<JsonObject> named) {
        Map<String, Long> accounts = new HashMap<>();
        for (JsonObject d : named) {
            d.getJsonArray("members").getValuesAs(JsonString.class).stream()
                    .findFirst()
                    .flatMap(email -> people.byEmail(email.getString()))
                    .ifPresent(person -> accounts.put(d.getString("name"), person.id()));
        }
        return accounts;
    }

    private Survey survey(JsonObject json, List<QuestionSpec> specs) {
        LocalDate opens = LocalDate.parse(json.getString("opens"));
        OffsetDateTime created = opens.minusWeeks(3).atStartOfDay().atOffset(ZoneOffset.UTC);
        Survey survey = new Survey(json.getInt("year"), created);
        survey.describe(
                json.getString("title"),
                json.getString("introduction", null),
                opens,
                LocalDate.parse(json.getString("closes")),
                settings.number(PortalSetting.SURVEY_MIN_GROUP_SIZE),
                created);
        for (JsonObject sectionJson : json.getJsonArray("sections").getValuesAs(JsonObject.class)) {
            SurveySection section =
                    new SurveySection(survey, survey.getSections().size(), sectionJson.getString("title"));
            survey.getSections().add(section);
            for (JsonObject q : sectionJson.getJsonArray("questions").getValuesAs(JsonObject.class)) {
                QuestionSpec spec = QuestionSpec.fromJson(q);
                specs.add(spec);
                section.getQuestions()
                        .add(new SurveyQuestion(
                                section,
                                section.getQuestions().size(),
                                spec.code(),
                                q.getString("text"),
                                spec.type(),
                                spec.options().isEmpty() ? null : AnswerRules.optionsJson(spec.options()),
                                spec.required(),
                                spec.min(),
                                spec.max()));
            }
        }
        survey.moveTo(SurveyStatus.OPEN, created);
        em.persist(survey);
        em.flush();
        return survey;
    }

    /** Responses and answers in JDBC batches: a thousand districts' answers would take JPA many seconds. */
    private void store(
            Survey survey,
            List<QuestionSpec> questions,
            Map<GeneratedDistrict, Map<String, Object>> answers,
            Map<GeneratedDistrict, Long> ids,
            Map<String, Long> accounts) {
        Map<String, QuestionSpec> byCode = new HashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        long span =
                Math.max(1, survey.getCloses().toEpochDay() - survey.getOpens().toEpochDay());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement response = connection.prepareStatement(
                        "insert into survey_response (survey_id, district_id, started_at, updated_at, submitted_at,"
                                + " submitted_by) values (?, ?, ?, ?, ?, ?)",
                        new String[] {"id"});
                PreparedStatement answer = connection.prepareStatement(
                        "insert into survey_answer (response_id, question_code, value, changed_by, changed_at)"
                                + " values (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<GeneratedDistrict, Map<String, Object>> entry : answers.entrySet()) {
                Long account =
                        accounts == null ? null : accounts.get(entry.getKey().name());
                OffsetDateTime submitted = survey.getOpens()
                        .plusDays(Math.floorMod(entry.getKey().name().hashCode(), span))
                        .atTime(15, 0)
                        .atOffset(ZoneOffset.UTC);
                response.setLong(1, survey.getId());
                response.setLong(2, ids.get(entry.getKey()));
                response.setObject(3, submitted.minusDays(2));
                response.setObject(4, submitted);
                response.setObject(5, submitted);
                response.setObject(6, account);
                response.executeUpdate();
                long responseId;
                try (var keys = response.getGeneratedKeys()) {
                    keys.next();
                    responseId = keys.getLong(1);
                }
                for (Map.Entry<String, Object> given : entry.getValue().entrySet()) {
                    QuestionSpec q = byCode.get(given.getKey());
                    String value = AnswerRules.normalize(q.asked(), QuestionSpec.answerToJson(given.getValue()));
                    if (value == null) {
                        continue;
                    }
                    answer.setLong(1, responseId);
                    answer.setString(2, given.getKey());
                    answer.setString(3, value);
                    answer.setObject(4, account);
                    answer.setObject(5, submitted.minusDays(1));
                    answer.addBatch();
                    if (++n % 2000 == 0) {
                        answer.executeBatch();
                    }
                }
            }
            answer.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The demo survey answers could not be stored: " + e.getMessage(), e);
        }
    }

    private void findings(Survey survey, JsonObject json) {
        int position = 0;
        for (JsonObject f : json.getJsonArray("findings").getValuesAs(JsonObject.class)) {
            String body = f.getString("body");
            em.persist(new SurveyFinding(
                    survey.getId(),
                    position++,
                    f.getString("title"),
                    body,
                    Markdown.toSafeHtml(body),
                    f.getString("code", null),
                    f.getBoolean("public", false)));
        }
    }
}
