package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.control.PeerGroup;
import org.ctoforum.surveys.control.SurveyFigures;
import org.ctoforum.surveys.entity.District;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyQuestion;
import org.ctoforum.surveys.entity.SurveyResponse;
import org.ctoforum.surveys.entity.SurveyStatus;

/**
 * The published figures, read as stored at publication plus the reader's own answers: no request computes over
 * other districts' answers. Members see the national figures; the peer groups and the benchmark are for members of
 * districts that answered (give to get), and for staff.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Benchmarks {

    public record PeerGroupView(String group, String label, Integer respondents, boolean suppressed) {}

    public record Quartiles(BigDecimal p25, BigDecimal median, BigDecimal p75) {}

    public record QuestionFigures(
            String code,
            String text,
            String type,
            String section,
            Integer respondents,
            boolean suppressed,
            String reason,
            Map<String, BigDecimal> distribution,
            Quartiles quartiles,
            JsonValue yours,
            Integer percentile) {}

    public record PeerResults(
            long surveyId,
            int year,
            String group,
            String label,
            Integer respondents,
            boolean suppressed,
            List<QuestionFigures> questions) {}

    public record TrendPoint(
            int year,
            long surveyId,
            String group,
            Integer respondents,
            boolean suppressed,
            String reason,
            Map<String, BigDecimal> distribution,
            Quartiles quartiles) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Surveys surveys;

    @Inject
    Districts districts;

    @Inject
    Responses responses;

    /** The fixed peer groups with their respondents; a group too small to show has none. */
    public List<PeerGroupView> groups(long surveyId) {
        caller.requireMember("read survey results");
        Survey survey = published(surveyId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select peer_group, label, respondents, suppressed"
                        + " from survey_group_result where survey_id = ?1 order by position")
                .setParameter(1, survey.getId())
                .getResultList();
        return rows.stream()
                .map(r -> new PeerGroupView(
                        (String) r[0], (String) r[1], r[3] == null ? ((Number) r[2]).intValue() : null, r[3] != null))
                .toList();
    }

    public PeerResults results(long surveyId, String group) {
        caller.requireMember("read survey results");
        Survey survey = published(surveyId);
        PeerGroup peers = group(group);
        if (!peers.key().equals("all")) {
            requireAnswered(survey);
        }
        return figures(survey, peers, null);
    }

    /** The results with the caller's district's answers and standings beside them. */
    public PeerResults benchmark(long surveyId, String group) {
        caller.requireMember("compare your district with its peers");
        Survey survey = published(surveyId);
        PeerGroup peers = group(group);
        District district = requireAnswered(survey);
        return figures(survey, peers, district);
    }

    /** One question code across the published years, as stored in each year. */
    public List<TrendPoint> trends(String code, String group) {
        caller.requireMember("read survey trends");
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("code is required, such as NET.MEETS_FCC_GOAL.");
        }
        PeerGroup peers = group(group);
        if (!peers.key().equals("all") && !caller.staff()) {
            long accountId = caller.requireAccountId();
            boolean answeredAny = districts
                    .confirmedDistrictOf(accountId)
                    .map(d -> em.createQuery(
                                            "select count(r) from SurveyResponse r where r.districtId = :d"
                                                    + " and r.submittedAt is not null",
                                            Long.class)
                                    .setParameter("d", d.getId())
                                    .getSingleResult()
                            > 0)
                    .orElse(false);
            if (!answeredAny) {
                throw answerFirst();
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.year, s.id, r.respondents, r.suppressed, r.distribution,"
                        + " r.p25, r.median, r.p75 from survey_result r join survey s on s.id = r.survey_id"
                        + " where r.question_code = ?1 and r.peer_group = ?2 and s.status = ?3 order by s.year")
                .setParameter(1, code.strip())
                .setParameter(2, peers.key())
                .setParameter(3, SurveyStatus.PUBLISHED.name())
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Published figures for question " + code.strip());
        }
        return rows.stream()
                .map(r -> new TrendPoint(
                        ((Number) r[0]).intValue(),
                        ((Number) r[1]).longValue(),
                        peers.key(),
                        r[3] == null ? ((Number) r[2]).intValue() : null,
                        r[3] != null,
                        (String) r[3],
                        r[3] == null ? distribution((String) r[4]) : null,
                        r[3] == null ? quartiles((BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7]) : null))
                .toList();
    }

    /** The benchmark as CSV: each figure of the group, with the district's own answer and standing. */
    public String csv(long surveyId, String group) {
        PeerResults results = benchmark(surveyId, group);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "year",
                                "group",
                                "code",
                                "question",
                                "type",
                                "respondents",
                                "hidden",
                                "choice",
                                "percent",
                                "p25",
                                "median",
                                "p75",
                                "your_answer",
                                "your_percentile")
                        .build())) {
            for (QuestionFigures q : results.questions()) {
                String yours = q.yours() == null
                        ? ""
                        : AnswerRules.choicesOf(q.yours().toString()).toString();
                List<Object> common = List.of(
                        results.year(),
                        results.group(),
                        q.code(),
                        q.text(),
                        q.type(),
                        q.respondents() == null ? "" : q.respondents(),
                        q.reason() == null ? "" : q.reason());
                Object percentile = q.percentile() == null ? "" : q.percentile();
                if (q.distribution() != null) {
                    for (Map.Entry<String, BigDecimal> share : q.distribution().entrySet()) {
                        List<Object> row = new ArrayList<>(common);
                        row.addAll(List.of(share.getKey(), share.getValue(), "", "", "", yours, percentile));
                        csv.printRecord(row);
                    }
                } else {
                    List<Object> row = new ArrayList<>(common);
                    Quartiles quartiles = q.quartiles();
                    row.addAll(List.of(
                            "",
                            "",
                            quartiles == null ? "" : quartiles.p25(),
                            quartiles == null ? "" : quartiles.median(),
                            quartiles == null ? "" : quartiles.p75(),
                            // Free text stays out of every export, the district's own included, as in peer views.
                            "TEXT".equals(q.type()) ? "" : yours,
                            percentile));
                    csv.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** Whether the caller's district submitted this survey; false for staff and everyone without a district. */
    public boolean answered(long surveyId) {
        return caller.accountId()
                .flatMap(districts::confirmedDistrictOf)
                .map(d -> submitted(surveyId, d.getId()))
                .orElse(false);
    }

    private PeerResults figures(Survey survey, PeerGroup peers, District district) {
        Object[] head = (Object[]) em.createNativeQuery(
                        "select respondents, suppressed from survey_group_result where survey_id = ?1 and peer_group = ?2")
                .setParameter(1, survey.getId())
                .setParameter(2, peers.key())
                .getSingleResult();
        boolean groupHidden = head[1] != null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select question_code, respondents, suppressed, distribution,"
                        + " p25, median, p75 from survey_result where survey_id = ?1 and peer_group = ?2")
                .setParameter(1, survey.getId())
                .setParameter(2, peers.key())
                .getResultList();
        Map<String, Object[]> byCode = new HashMap<>();
        rows.forEach(r -> byCode.put((String) r[0], r));
        Map<String, String> yours = new HashMap<>();
        Map<String, Integer> standings = new HashMap<>();
        if (district != null) {
            SurveyResponse response = responses.response(survey.getId(), district.getId());
            @SuppressWarnings("unchecked")
            List<Object[]> answers = em.createNativeQuery(
                            "select question_code, value from survey_answer where response_id = ?1")
                    .setParameter(1, response.getId())
                    .getResultList();
            answers.forEach(a -> yours.put((String) a[0], (String) a[1]));
            @SuppressWarnings("unchecked")
            List<Object[]> standing = em.createNativeQuery("select question_code, percentile from survey_standing"
                            + " where survey_id = ?1 and district_id = ?2 and peer_group = ?3")
                    .setParameter(1, survey.getId())
                    .setParameter(2, district.getId())
                    .setParameter(3, peers.key())
                    .getResultList();
            standing.forEach(s -> standings.put((String) s[0], ((Number) s[1]).intValue()));
        }
        List<QuestionFigures> questions = new ArrayList<>();
        for (SurveyQuestion q : survey.questions()) {
            Object[] r = byCode.get(q.getCode());
            String reason = r == null ? null : (String) r[2];
            boolean shown = r != null && reason == null;
            String own = yours.get(q.getCode());
            boolean text = SurveyFigures.FREE_TEXT.equals(reason);
            questions.add(new QuestionFigures(
                    q.getCode(),
                    q.getText(),
                    q.getType().name(),
                    q.getSection().getTitle(),
                    shown ? ((Number) r[1]).intValue() : null,
                    !shown,
                    shown ? null : reason == null ? "NO_ANSWERS" : reason,
                    shown ? distribution((String) r[3]) : null,
                    shown ? quartiles((BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6]) : null,
                    own == null || text ? null : AnswerRules.parse(own),
                    shown ? standings.get(q.getCode()) : null));
        }
        return new PeerResults(
                survey.getId(),
                survey.getYear(),
                peers.key(),
                peers.label(),
                groupHidden ? null : ((Number) head[0]).intValue(),
                groupHidden,
                questions);
    }

    private Survey published(long surveyId) {
        Survey survey = surveys.visible(surveyId);
        if (survey.getStatus() != SurveyStatus.PUBLISHED) {
            throw new ProblemException(
                    ProblemType.WORKFLOW_STEP_NOT_ALLOWED,
                    "The " + survey.getYear() + " survey's figures are not published yet.",
                    Map.of("status", survey.getStatus().name()));
        }
        return survey;
    }

    private static PeerGroup group(String key) {
        String asked = key == null || key.isBlank() ? "all" : key.strip();
        Optional<PeerGroup> group = PeerGroup.parse(asked);
        return group.orElseThrow(() -> new ProblemException(
                ProblemType.VALIDATION,
                "There is no peer group '" + asked + "'. The groups are all, band:<band>, locale:<locale>,"
                        + " region:<region> and band-locale:<band>:<locale>; GET /api/surveys/{id}/groups lists them.",
                Map.of("group", asked)));
    }

    /** The caller's district, if it submitted the survey; staff pass without one. */
    private District requireAnswered(Survey survey) {
        long accountId = caller.requireAccountId();
        Optional<District> district = districts.confirmedDistrictOf(accountId);
        if (district.isPresent() && submitted(survey.getId(), district.get().getId())) {
            return district.get();
        }
        if (caller.staff() && district.isEmpty()) {
            return null;
        }
        throw answerFirst();
    }

    private boolean submitted(long surveyId, long districtId) {
        SurveyResponse response = responses.response(surveyId, districtId);
        return response != null && response.isSubmitted();
    }

    private static ProblemException answerFirst() {
        return new ProblemException(
                ProblemType.ANSWER_FIRST,
                "Peer groups are for districts that answered this survey. Read the national figures (group=all), and"
                        + " answer next year's survey to compare your district with its peers.",
                Map.of("group", "all"));
    }

    private static Map<String, BigDecimal> distribution(String json) {
        if (json == null) {
            return null;
        }
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        try (JsonReader reader = AnswerRules.JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((k, v) -> shares.put(k, ((JsonNumber) v).bigDecimalValue()));
        }
        return shares;
    }

    private static Quartiles quartiles(BigDecimal p25, BigDecimal median, BigDecimal p75) {
        return median == null ? null : new Quartiles(p25, median, p75);
    }
}
