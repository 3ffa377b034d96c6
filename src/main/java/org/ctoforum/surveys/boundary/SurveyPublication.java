package org.ctoforum.surveys.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ctoforum.platform.database.PortalDataSource;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.control.SurveyFigures;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.Survey;

/**
 * Freezes the responding districts' profiles when a survey closes, and computes and stores its figures when it is
 * published, in the caller's transaction: a survey is published with all its figures or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SurveyPublication {

    private static final Logger LOG = Logger.getLogger(SurveyPublication.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Each district that started a response, with its profile as it stands now; later edits leave these alone. */
    public void freezeProfiles(long surveyId) {
        em.createNativeQuery("delete from survey_participant where survey_id = ?1")
                .setParameter(1, surveyId)
                .executeUpdate();
        int frozen = em.createNativeQuery("insert into survey_participant"
                        + " (survey_id, district_id, state, enrollment, band, locale, region, submitted)"
                        + " select r.survey_id, d.id, d.state, d.enrollment,"
                        + " case when d.enrollment >= 50000 then ?2 when d.enrollment >= 10000 then ?3"
                        + " when d.enrollment >= 2500 then ?4 else ?5 end,"
                        + " d.locale, d.region, r.submitted_at is not null"
                        + " from survey_response r join survey_district d on d.id = r.district_id"
                        + " where r.survey_id = ?1")
                .setParameter(1, surveyId)
                .setParameter(2, EnrollmentBand.FROM_50000.name())
                .setParameter(3, EnrollmentBand.FROM_10000.name())
                .setParameter(4, EnrollmentBand.FROM_2500.name())
                .setParameter(5, EnrollmentBand.UNDER_2500.name())
                .executeUpdate();
        LOG.info("Survey " + surveyId + ": the profiles of " + frozen + " responding districts are frozen");
    }

    /** Computes every figure from the submitted answers and stores it, replacing any earlier computation. */
    public void publish(Survey survey) {
        long started = System.nanoTime();
        long id = survey.getId();
        List<SurveyFigures.Question> questions = survey.questions().stream()
                .map(q -> new SurveyFigures.Question(
                        q.getCode(), q.getType(), Surveys.asked(q).options()))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select district_id, band, locale, region from survey_participant"
                        + " where survey_id = ?1 and submitted")
                .setParameter(1, id)
                .getResultList();
        List<SurveyFigures.Participant> participants = rows.stream()
                .map(r -> new SurveyFigures.Participant(
                        ((Number) r[0]).longValue(),
                        EnrollmentBand.valueOf((String) r[1]),
                        DistrictLocale.valueOf((String) r[2]),
                        CensusRegion.valueOf((String) r[3])))
                .toList();
        Map<Long, Map<String, String>> answers = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> given = em.createNativeQuery(
                        "select r.district_id, a.question_code, a.value from survey_answer a"
                                + " join survey_response r on r.id = a.response_id"
                                + " where r.survey_id = ?1 and r.submitted_at is not null")
                .setParameter(1, id)
                .getResultList();
        for (Object[] row : given) {
            answers.computeIfAbsent(((Number) row[0]).longValue(), d -> new HashMap<>())
                    .put((String) row[1], (String) row[2]);
        }
        SurveyFigures.Figures figures =
                SurveyFigures.compute(questions, participants, answers, survey.getMinGroupSize());
        store(id, figures);
        long suppressed = figures.results().stream()
                .filter(r -> r.suppressed() != null && !SurveyFigures.FREE_TEXT.equals(r.suppressed()))
                .count();
        LOG.info("Survey " + id + " (" + survey.getYear() + ") published: " + participants.size() + " districts, "
                + questions.size() + " questions, " + figures.results().size() + " figures (" + suppressed
                + " hidden to protect small groups), " + figures.standings().size() + " standings, in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void store(long surveyId, SurveyFigures.Figures figures) {
        for (String table : List.of("survey_group_result", "survey_result", "survey_standing")) {
            em.createNativeQuery("delete from " + table + " where survey_id = ?1")
                    .setParameter(1, surveyId)
                    .executeUpdate();
        }
        em.flush();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into survey_group_result (survey_id, peer_group, label, position, respondents, suppressed)"
                            + " values (?, ?, ?, ?, ?, ?)")) {
                for (SurveyFigures.GroupRow row : figures.groups()) {
                    insert.setLong(1, surveyId);
                    insert.setString(2, row.group());
                    insert.setString(3, row.label());
                    insert.setInt(4, row.position());
                    insert.setInt(5, row.respondents());
                    insert.setString(6, row.suppressed());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into survey_result"
                    + " (survey_id, question_code, peer_group, respondents, suppressed, distribution, p25, median, p75)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (SurveyFigures.ResultRow row : figures.results()) {
                    insert.setLong(1, surveyId);
                    insert.setString(2, row.code());
                    insert.setString(3, row.group());
                    insert.setInt(4, row.respondents());
                    insert.setString(5, row.suppressed());
                    insert.setString(6, row.distribution() == null ? null : json(row.distribution()));
                    insert.setBigDecimal(7, row.p25());
                    insert.setBigDecimal(8, row.median());
                    insert.setBigDecimal(9, row.p75());
                    insert.addBatch();
                    if (++batched % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into survey_standing"
                    + " (survey_id, district_id, question_code, peer_group, percentile) values (?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (SurveyFigures.StandingRow row : figures.standings()) {
                    insert.setLong(1, surveyId);
                    insert.setLong(2, row.districtId());
                    insert.setString(3, row.code());
                    insert.setString(4, row.group());
                    insert.setInt(5, row.percentile());
                    insert.addBatch();
                    if (++batched % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The survey's figures could not be stored: " + e.getMessage(), e);
        }
    }

    private static String json(Map<String, java.math.BigDecimal> distribution) {
        JsonObjectBuilder object = AnswerRules.JSON.createObjectBuilder();
        distribution.forEach(object::add);
        return object.build().toString();
    }
}
