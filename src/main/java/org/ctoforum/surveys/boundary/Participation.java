package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.control.PeerGroup;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.QuestionType;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyQuestion;
import org.ctoforum.surveys.entity.SurveyStatus;

/** Staff's view of who has answered: response rates by segment, reminders, and the free-text answers unattributed. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Participation {

    private static final Logger LOG = Logger.getLogger(Participation.class.getName());

    public record Rate(String group, String label, int districts, int started, int submitted, double percent)
            implements Serializable {}

    public record Rates(long surveyId, int year, Rate overall, List<Rate> segments) implements Serializable {}

    public record Reminded(int districts, int mails) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Surveys surveys;

    @Inject
    Districts districts;

    @Inject
    People people;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    /** Every known district against the responses started and submitted, overall and in each fixed group. */
    public Rates rates(long surveyId) {
        caller.require(Role.STAFF, "see response rates");
        Survey survey = surveys.visible(surveyId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.enrollment, d.locale, d.region,"
                        + " count(*), count(r.id), count(r.submitted_at)"
                        + " from survey_district d left join survey_response r on r.district_id = d.id and r.survey_id = ?1"
                        + " group by d.enrollment, d.locale, d.region")
                .setParameter(1, surveyId)
                .getResultList();
        Map<String, int[]> tally = new LinkedHashMap<>();
        PeerGroup.all().forEach(g -> tally.put(g.key(), new int[3]));
        for (Object[] row : rows) {
            List<PeerGroup> groups = PeerGroup.of(
                    EnrollmentBand.of(((Number) row[0]).intValue()),
                    DistrictLocale.valueOf((String) row[1]),
                    CensusRegion.valueOf((String) row[2]));
            for (PeerGroup group : groups) {
                int[] t = tally.get(group.key());
                t[0] += ((Number) row[3]).intValue();
                t[1] += ((Number) row[4]).intValue();
                t[2] += ((Number) row[5]).intValue();
            }
        }
        List<Rate> segments = new ArrayList<>();
        for (PeerGroup group : PeerGroup.all()) {
            int[] t = tally.get(group.key());
            segments.add(new Rate(
                    group.key(),
                    group.label(),
                    t[0],
                    t[1],
                    t[2],
                    t[0] == 0 ? 0 : Math.round(1000.0 * t[2] / t[0]) / 10.0));
        }
        return new Rates(survey.getId(), survey.getYear(), segments.get(0), segments.subList(1, segments.size()));
    }

    /** Mails each confirmed member of every district that has not submitted, through the outbox. */
    public Reminded remind(long surveyId) {
        long staffId = caller.require(Role.STAFF, "send survey reminders");
        Survey survey = surveys.visible(surveyId);
        if (survey.getStatus() != SurveyStatus.OPEN) {
            throw ProblemException.conflict(
                    "Reminders go out while the survey is open; it is " + survey.getStatus() + ".");
        }
        @SuppressWarnings("unchecked")
        List<Number> waiting = em.createNativeQuery("select distinct m.district_id from survey_district_member m"
                        + " where m.confirmed_at is not null and not exists (select 1 from survey_response r"
                        + " where r.survey_id = ?1 and r.district_id = m.district_id and r.submitted_at is not null)")
                .setParameter(1, surveyId)
                .getResultList();
        Map<Long, List<Long>> members = districts.confirmedMembers(
                waiting.stream().map(Number::longValue).toList());
        Map<Long, People.Person> named =
                people.byIds(members.values().stream().flatMap(List::stream).toList());
        int mails = 0;
        String link = settings.baseUrl() + "/surveys/answer.xhtml?year=" + survey.getYear();
        for (People.Person person : named.values()) {
            if (!person.active() || !person.has(Role.MEMBER)) {
                continue;
            }
            mailer.send(
                    person.email(),
                    "Reminder: " + survey.getTitle() + " closes on " + survey.getCloses(),
                    "Hello " + person.displayName() + ",\n\nYour district has not submitted its answers to "
                            + survey.getTitle() + " yet. Answers save as you type, so you can finish in several"
                            + " sittings; any confirmed member of your district may continue where the last one left"
                            + " off.\n\nThe survey closes on " + survey.getCloses() + ". Districts that answer see"
                            + " where they stand among their peers.\n\n" + link + "\n");
            mails++;
        }
        int count = mails;
        LOG.info(() -> "Survey " + surveyId + ": reminders to " + members.size() + " districts (" + count
                + " mails) queued by account " + staffId);
        return new Reminded(members.size(), mails);
    }

    /** Staff read free-text answers of submitted responses, sorted, with nothing that says whose they are. */
    public List<String> textAnswers(long surveyId, String code) {
        caller.require(Role.STAFF, "read free-text answers");
        Survey survey = surveys.visible(surveyId);
        SurveyQuestion question = survey.questions().stream()
                .filter(q -> q.getCode().equals(code))
                .findFirst()
                .orElseThrow(() ->
                        ProblemException.notFound("Question " + code + " of the " + survey.getYear() + " survey"));
        if (question.getType() != QuestionType.TEXT) {
            throw ProblemException.badRequest(code + " is not a free-text question.");
        }
        @SuppressWarnings("unchecked")
        List<String> values = em.createNativeQuery("select a.value from survey_answer a"
                        + " join survey_response r on r.id = a.response_id"
                        + " where r.survey_id = ?1 and r.submitted_at is not null and a.question_code = ?2")
                .setParameter(1, surveyId)
                .setParameter(2, code)
                .getResultList();
        return values.stream()
                .map(v -> AnswerRules.choicesOf(v).get(0))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }
}
