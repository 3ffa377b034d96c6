package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.entity.District;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyAnswer;
import org.ctoforum.surveys.entity.SurveyAnswerChange;
import org.ctoforum.surveys.entity.SurveyQuestion;
import org.ctoforum.surveys.entity.SurveyResponse;
import org.ctoforum.surveys.entity.SurveyStatus;

/**
 * A district's response: one a year, which any confirmed member of the district edits, answer by answer, until one
 * of them submits it. Every change is kept with who made it.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Responses {

    private static final Logger LOG = Logger.getLogger(Responses.class.getName());

    /** {@code answers} maps question codes to values; null clears an answer. Submitting needs every required one. */
    public record ResponseForm(JsonObject answers, Boolean submit) {}

    public record ResponseProgress(int answered, int questions, int requiredAnswered, int required, int percent)
            implements Serializable {}

    public record AnswerChangeView(String code, JsonValue value, String by, OffsetDateTime at) {}

    public record ResponseView(
            long surveyId,
            int year,
            long districtId,
            String district,
            String status,
            boolean editable,
            String readOnlyBecause,
            OffsetDateTime submittedAt,
            String submittedBy,
            Map<String, JsonValue> answers,
            Map<String, String> lastChangedBy,
            ResponseProgress progress,
            List<String> missingRequired,
            List<AnswerChangeView> changes)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Districts districts;

    @Inject
    People people;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Surveys surveys;

    /** The caller's district and the current survey, in one query; empty while no survey has opened. */
    public Optional<DistrictSurveyStatus> myDistrictStatus() {
        long accountId = caller.requireAccountId();
        List<?> rows = em.createNativeQuery("select s.year, s.title, s.status, s.closes, d.name,"
                        + " m.confirmed_at is not null, r.id, r.submitted_at,"
                        + " (select count(*) from survey_answer a where a.response_id = r.id)"
                        + " from survey s left join survey_district_member m on m.account_id = ?1"
                        + " left join survey_district d on d.id = m.district_id"
                        + " left join survey_response r on r.survey_id = s.id and r.district_id = m.district_id"
                        + " where s.status <> ?2 order by s.status = ?3 desc, s.year desc limit 1")
                .setParameter(1, accountId)
                .setParameter(2, SurveyStatus.DRAFT.name())
                .setParameter(3, SurveyStatus.OPEN.name())
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            String response = columns[6] == null ? "NONE" : columns[7] == null ? "STARTED" : "SUBMITTED";
            return new DistrictSurveyStatus(
                    ((Number) columns[0]).intValue(),
                    (String) columns[1],
                    (String) columns[2],
                    SqlValues.date(columns[3]),
                    (String) columns[4],
                    Boolean.TRUE.equals(columns[5]),
                    response,
                    ((Number) columns[8]).intValue(),
                    columns[7] == null ? null : SqlValues.moment(columns[7]));
        });
    }

    public ResponseView mine(long surveyId) {
        long accountId = caller.requireMember("answer the survey");
        District district = speaksFor(accountId);
        Survey survey = surveys.visible(surveyId);
        return view(survey, district, response(surveyId, district.getId()));
    }

    /** Saves the answers given, all or none, then submits if asked. */
    public ResponseView save(long surveyId, ResponseForm form) {
        long accountId = caller.requireMember("answer the survey");
        District district = speaksFor(accountId);
        Survey survey = surveys.visible(surveyId);
        if (form == null) {
            throw ProblemException.badRequest("Send {answers: {code: value}, submit: false | true}.");
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        if (!survey.takesAnswers(today)) {
            throw new ProblemException(
                    ProblemType.SURVEY_NOT_TAKING_ANSWERS,
                    notTakingAnswers(survey, today),
                    Map.of(
                            "opens",
                            survey.getOpens().toString(),
                            "closes",
                            survey.getCloses().toString()));
        }
        em.createNativeQuery("insert into survey_response (survey_id, district_id, started_at, updated_at)"
                        + " values (?1, ?2, ?3, ?3) on conflict (survey_id, district_id) do nothing")
                .setParameter(1, surveyId)
                .setParameter(2, district.getId())
                .setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate();
        SurveyResponse response = em.createQuery(
                        "select r from SurveyResponse r where r.surveyId = :s and r.districtId = :d",
                        SurveyResponse.class)
                .setParameter("s", surveyId)
                .setParameter("d", district.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        if (response.isSubmitted()) {
            throw new ProblemException(
                    ProblemType.RESPONSE_SUBMITTED,
                    "Your district submitted its " + survey.getYear() + " response on "
                            + response.getSubmittedAt().toLocalDate() + "; it cannot change or be submitted again.",
                    Map.of("submittedAt", response.getSubmittedAt().toString()));
        }
        Map<String, SurveyQuestion> questions = new LinkedHashMap<>();
        survey.questions().forEach(q -> questions.put(q.getCode(), q));
        Map<String, String> normalized = new LinkedHashMap<>();
        if (form.answers() != null) {
            for (Map.Entry<String, JsonValue> given : form.answers().entrySet()) {
                SurveyQuestion question = questions.get(given.getKey());
                if (question == null) {
                    throw new ProblemException(
                            ProblemType.VALIDATION,
                            "The " + survey.getYear() + " survey has no question " + given.getKey() + ".",
                            Map.of("code", given.getKey()));
                }
                normalized.put(given.getKey(), AnswerRules.normalize(Surveys.asked(question), given.getValue()));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, SurveyAnswer> stored = answers(response.getId());
        int changed = 0;
        for (Map.Entry<String, String> answer : normalized.entrySet()) {
            SurveyAnswer existing = stored.get(answer.getKey());
            String before = existing == null ? null : existing.getValue();
            if (Objects.equals(before, answer.getValue())) {
                continue;
            }
            if (answer.getValue() == null) {
                em.remove(existing);
                stored.remove(answer.getKey());
            } else {
                SurveyAnswer target = existing == null ? new SurveyAnswer(response.getId(), answer.getKey()) : existing;
                target.set(answer.getValue(), accountId, now);
                if (existing == null) {
                    em.persist(target);
                    stored.put(answer.getKey(), target);
                }
            }
            em.persist(new SurveyAnswerChange(response.getId(), answer.getKey(), answer.getValue(), accountId, now));
            changed++;
        }
        if (changed > 0) {
            response.touched(now);
        }
        if (Boolean.TRUE.equals(form.submit())) {
            List<String> missing = missing(survey, stored.keySet());
            if (!missing.isEmpty()) {
                throw new ProblemException(
                        ProblemType.VALIDATION,
                        "Answer the required questions before submitting: " + String.join(", ", missing) + ".",
                        Map.of("missing", missing));
            }
            response.submit(accountId, now);
            LOG.info("Survey " + surveyId + ": district " + district.getId() + " submitted its response (account "
                    + accountId + ")");
        }
        if (changed > 0) {
            int count = changed;
            LOG.fine(() -> "Survey " + surveyId + ": district " + district.getId() + " changed " + count
                    + " answers (account " + accountId + ")");
        }
        em.flush();
        return view(survey, district, response);
    }

    /** The district the caller speaks for, or a 403 that says how to get there. */
    District speaksFor(long accountId) {
        return districts
                .confirmedDistrictOf(accountId)
                .orElseThrow(() -> ProblemException.forbidden(
                        "Name your district on your profile (PUT /api/me/district); once staff confirm that you speak"
                                + " for it, you can answer for it."));
    }

    public SurveyResponse response(long surveyId, long districtId) {
        return em.createQuery(
                        "select r from SurveyResponse r where r.surveyId = :s and r.districtId = :d",
                        SurveyResponse.class)
                .setParameter("s", surveyId)
                .setParameter("d", districtId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Map<String, SurveyAnswer> answers(long responseId) {
        Map<String, SurveyAnswer> answers = new LinkedHashMap<>();
        em.createQuery("select a from SurveyAnswer a where a.responseId = :r", SurveyAnswer.class)
                .setParameter("r", responseId)
                .getResultList()
                .forEach(a -> answers.put(a.getQuestionCode(), a));
        return answers;
    }

    private static List<String> missing(Survey survey, Set<String> answered) {
        return survey.questions().stream()
                .filter(SurveyQuestion::isRequired)
                .map(SurveyQuestion::getCode)
                .filter(code -> !answered.contains(code))
                .toList();
    }

    private static String notTakingAnswers(Survey survey, LocalDate today) {
        if (survey.getStatus() == SurveyStatus.OPEN && today.isBefore(survey.getOpens())) {
            return "The " + survey.getYear() + " survey opens on " + survey.getOpens() + ".";
        }
        return "The " + survey.getYear() + " survey closed on " + survey.getCloses() + ": its responses are read-only.";
    }

    private ResponseView view(Survey survey, District district, SurveyResponse response) {
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        Map<String, SurveyAnswer> stored = response == null ? Map.of() : answers(response.getId());
        List<SurveyAnswerChange> changes = response == null
                ? List.of()
                : em.createQuery(
                                "select c from SurveyAnswerChange c where c.responseId = :r order by c.id desc",
                                SurveyAnswerChange.class)
                        .setParameter("r", response.getId())
                        .setMaxResults(50)
                        .getResultList();
        Set<Long> accounts = new HashSet<>();
        stored.values().forEach(a -> accounts.add(a.getChangedBy()));
        changes.forEach(c -> accounts.add(c.getChangedBy()));
        if (response != null && response.getSubmittedBy() != null) {
            accounts.add(response.getSubmittedBy());
        }
        accounts.remove(null);
        Map<Long, People.Person> named = people.byIds(accounts);
        Map<String, JsonValue> answers = new LinkedHashMap<>();
        Map<String, String> lastChangedBy = new LinkedHashMap<>();
        int required = 0;
        int requiredAnswered = 0;
        List<SurveyQuestion> questions = survey.questions();
        for (SurveyQuestion q : questions) {
            SurveyAnswer answer = stored.get(q.getCode());
            if (answer != null) {
                answers.put(q.getCode(), AnswerRules.parse(answer.getValue()));
                lastChangedBy.put(q.getCode(), name(named, answer.getChangedBy()));
            }
            if (q.isRequired()) {
                required++;
                requiredAnswered += answer == null ? 0 : 1;
            }
        }
        boolean submitted = response != null && response.isSubmitted();
        String readOnly = submitted
                ? "Submitted on " + response.getSubmittedAt().toLocalDate() + "."
                : survey.takesAnswers(today) ? null : notTakingAnswers(survey, today);
        List<AnswerChangeView> history = new ArrayList<>();
        for (SurveyAnswerChange c : changes) {
            history.add(new AnswerChangeView(
                    c.getQuestionCode(),
                    c.getValue() == null ? JsonValue.NULL : AnswerRules.parse(c.getValue()),
                    name(named, c.getChangedBy()),
                    c.getChangedAt()));
        }
        return new ResponseView(
                survey.getId(),
                survey.getYear(),
                district.getId(),
                district.getName(),
                response == null ? "NOT_STARTED" : submitted ? "SUBMITTED" : "IN_PROGRESS",
                readOnly == null,
                readOnly,
                submitted ? response.getSubmittedAt() : null,
                submitted ? name(named, response.getSubmittedBy()) : null,
                answers,
                lastChangedBy,
                new ResponseProgress(
                        answers.size(),
                        questions.size(),
                        requiredAnswered,
                        required,
                        questions.isEmpty() ? 0 : Math.round(100f * answers.size() / questions.size())),
                missing(survey, stored.keySet()),
                history);
    }

    private static String name(Map<Long, People.Person> named, Long accountId) {
        People.Person person = accountId == null ? null : named.get(accountId);
        return person == null ? "a former member" : person.displayName();
    }
}
