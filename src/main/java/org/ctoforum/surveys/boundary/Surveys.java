package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.entity.QuestionType;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyQuestion;
import org.ctoforum.surveys.entity.SurveySection;
import org.ctoforum.surveys.entity.SurveyStatus;

/**
 * The surveys and their questions. Staff write a survey while it is a draft; once it opens its questions are
 * frozen, because answers refer to them. Closing freezes the districts' profiles; publishing computes the figures.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Surveys {

    private static final Logger LOG = Logger.getLogger(Surveys.class.getName());

    public record QuestionForm(
            String code,
            String text,
            String type,
            List<String> options,
            Boolean required,
            BigDecimal min,
            BigDecimal max) {}

    public record SurveySectionForm(String title, List<QuestionForm> questions) {}

    public record SurveyForm(
            Integer year,
            String title,
            String introduction,
            LocalDate opens,
            LocalDate closes,
            Integer minGroupSize,
            List<SurveySectionForm> sections) {}

    public record CopyForm(Integer year) {}

    public record TransitionForm(String to) {}

    public record SurveySummary(long id, int year, String title, String status, LocalDate opens, LocalDate closes)
            implements Serializable {
        static SurveySummary of(Survey s) {
            return new SurveySummary(
                    s.getId(), s.getYear(), s.getTitle(), s.getStatus().name(), s.getOpens(), s.getCloses());
        }
    }

    public record QuestionView(
            String code,
            String text,
            String type,
            List<String> options,
            boolean required,
            BigDecimal min,
            BigDecimal max)
            implements Serializable {}

    public record SurveySectionView(String title, List<QuestionView> questions) implements Serializable {}

    public record SurveyView(
            long id,
            int year,
            String title,
            String introduction,
            String status,
            LocalDate opens,
            LocalDate closes,
            int minGroupSize,
            boolean takingAnswers,
            List<SurveySectionView> sections)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    SurveyPublication publication;

    @Inject
    Event<ContentChanged> changes;

    /** Every survey but the drafts, newest first; staff see the drafts too. */
    public List<SurveySummary> list() {
        boolean staff = caller.staff();
        return em
                .createQuery(
                        "select s from Survey s where s.status <> :draft or :staff = true order by s.year desc",
                        Survey.class)
                .setParameter("draft", SurveyStatus.DRAFT)
                .setParameter("staff", staff)
                .getResultList()
                .stream()
                .map(SurveySummary::of)
                .toList();
    }

    public SurveyView get(long id) {
        return view(visible(id));
    }

    public SurveyView byYear(int year) {
        return em.createQuery("select s from Survey s where s.year = :y", Survey.class)
                .setParameter("y", year)
                .getResultStream()
                .findFirst()
                .filter(s -> s.getStatus() != SurveyStatus.DRAFT || caller.staff())
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("The " + year + " survey"));
    }

    public SurveyView create(SurveyForm form) {
        long staffId = caller.require(Role.STAFF, "write surveys");
        if (form == null || form.year() == null) {
            throw ProblemException.badRequest("year is required.");
        }
        int year = year(form.year());
        if (exists(year)) {
            throw ProblemException.conflict("A survey for " + year + " exists already: edit or copy it.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Survey survey = new Survey(year, now);
        write(survey, form, now);
        em.persist(survey);
        em.flush();
        LOG.info("Survey " + survey.getId() + " for " + year + " written by account " + staffId + " with "
                + survey.questions().size() + " questions");
        return view(survey);
    }

    /** Rewrites a draft survey; an open one refuses, since answers refer to its questions. */
    public SurveyView update(long id, SurveyForm form) {
        long staffId = caller.require(Role.STAFF, "edit surveys");
        Survey survey = existing(id);
        em.lock(survey, LockModeType.PESSIMISTIC_WRITE);
        if (survey.getStatus() != SurveyStatus.DRAFT) {
            throw new ProblemException(
                    ProblemType.SURVEY_FROZEN,
                    "The " + survey.getYear() + " survey is " + survey.getStatus() + ": its questions are frozen.",
                    Map.of("status", survey.getStatus().name()));
        }
        if (form != null && form.year() != null && form.year() != survey.getYear()) {
            throw ProblemException.badRequest("year cannot change: copy the survey to another year instead.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        survey.getSections().clear();
        em.flush();
        write(survey, form, now);
        LOG.info("Survey " + id + " edited by account " + staffId);
        return view(survey);
    }

    /** A draft for another year (the next by default) with the same sections, questions and codes. */
    public SurveyView copy(long id, CopyForm form) {
        long staffId = caller.require(Role.STAFF, "copy surveys");
        Survey source = existing(id);
        int year = year(form == null || form.year() == null ? source.getYear() + 1 : form.year());
        if (exists(year)) {
            throw ProblemException.conflict("A survey for " + year + " exists already.");
        }
        int shift = year - source.getYear();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Survey copy = new Survey(year, now);
        copy.describe(
                source.getTitle().replace(String.valueOf(source.getYear()), String.valueOf(year)),
                source.getIntroduction(),
                source.getOpens().plusYears(shift),
                source.getCloses().plusYears(shift),
                source.getMinGroupSize(),
                now);
        for (SurveySection section : source.getSections()) {
            SurveySection added = new SurveySection(copy, copy.getSections().size(), section.getTitle());
            copy.getSections().add(added);
            for (SurveyQuestion q : section.getQuestions()) {
                added.getQuestions()
                        .add(new SurveyQuestion(
                                added,
                                added.getQuestions().size(),
                                q.getCode(),
                                q.getText(),
                                q.getType(),
                                q.getOptions(),
                                q.isRequired(),
                                q.getMin(),
                                q.getMax()));
            }
        }
        em.persist(copy);
        em.flush();
        LOG.info("Survey " + id + " (" + source.getYear() + ") copied to survey " + copy.getId() + " for " + year
                + " by account " + staffId);
        return view(copy);
    }

    /** DRAFT to OPEN to CLOSED to PUBLISHED, one step at a time. */
    public SurveySummary transition(long id, TransitionForm form) {
        long staffId = caller.require(Role.STAFF, "open, close and publish surveys");
        if (form == null || form.to() == null) {
            throw ProblemException.badRequest("to is required: OPEN, CLOSED or PUBLISHED.");
        }
        SurveyStatus to = Fields.oneOf(SurveyStatus.class, form.to(), null, "to");
        Survey survey = existing(id);
        em.lock(survey, LockModeType.PESSIMISTIC_WRITE);
        SurveyStatus from = survey.getStatus();
        boolean allowed = (from == SurveyStatus.DRAFT && to == SurveyStatus.OPEN)
                || (from == SurveyStatus.OPEN && to == SurveyStatus.CLOSED)
                || (from == SurveyStatus.CLOSED && to == SurveyStatus.PUBLISHED);
        if (!allowed) {
            throw new ProblemException(
                    ProblemType.WORKFLOW_STEP_NOT_ALLOWED,
                    "A " + from + " survey cannot move to " + to + ".",
                    Map.of("status", from.name(), "to", to.name()));
        }
        if (to == SurveyStatus.OPEN && survey.questions().isEmpty()) {
            throw ProblemException.badRequest("A survey needs at least one question to open.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (to == SurveyStatus.CLOSED) {
            publication.freezeProfiles(survey.getId());
        }
        if (to == SurveyStatus.PUBLISHED) {
            publication.publish(survey);
        }
        survey.moveTo(to, now);
        if (to == SurveyStatus.PUBLISHED) {
            changes.fire(ContentChanged.of(ContentChanged.Content.SURVEY, id));
        }
        LOG.info("Survey " + id + " (" + survey.getYear() + ") moved from " + from + " to " + to + " by account "
                + staffId);
        return SurveySummary.of(survey);
    }

    /** Closes the open surveys whose close date has passed; run by {@link SurveyClosing}. */
    public void closeDue() {
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        for (Survey survey : em.createQuery(
                        "select s from Survey s where s.status = :open and s.closes < :today", Survey.class)
                .setParameter("open", SurveyStatus.OPEN)
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            publication.freezeProfiles(survey.getId());
            survey.moveTo(SurveyStatus.CLOSED, OffsetDateTime.now(clock));
            LOG.info("Survey " + survey.getId() + " (" + survey.getYear() + ") closed on its close date "
                    + survey.getCloses());
        }
    }

    /** A survey the caller may see: a draft only for staff. */
    public Survey visible(long id) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null || (survey.getStatus() == SurveyStatus.DRAFT && !caller.staff())) {
            throw ProblemException.notFound("Survey " + id);
        }
        return survey;
    }

    SurveyView view(Survey survey) {
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        return new SurveyView(
                survey.getId(),
                survey.getYear(),
                survey.getTitle(),
                survey.getIntroduction(),
                survey.getStatus().name(),
                survey.getOpens(),
                survey.getCloses(),
                survey.getMinGroupSize(),
                survey.takesAnswers(today),
                survey.getSections().stream()
                        .map(section -> new SurveySectionView(
                                section.getTitle(),
                                section.getQuestions().stream()
                                        .map(Surveys::view)
                                        .toList()))
                        .toList());
    }

    static QuestionView view(SurveyQuestion q) {
        return new QuestionView(
                q.getCode(),
                q.getText(),
                q.getType().name(),
                AnswerRules.optionsOf(q.getOptions()),
                q.isRequired(),
                q.getMin(),
                q.getMax());
    }

    static AnswerRules.Asked asked(SurveyQuestion q) {
        return new AnswerRules.Asked(
                q.getCode(),
                q.getType(),
                AnswerRules.optionsOf(q.getOptions()),
                q.isRequired(),
                q.getMin(),
                q.getMax());
    }

    private Survey existing(long id) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null) {
            throw ProblemException.notFound("Survey " + id);
        }
        return survey;
    }

    private boolean exists(int year) {
        return em.createQuery("select count(s) from Survey s where s.year = :y", Long.class)
                        .setParameter("y", year)
                        .getSingleResult()
                > 0;
    }

    private static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("year must be from 2000 to 2100.");
        }
        return year;
    }

    private void write(Survey survey, SurveyForm form, OffsetDateTime now) {
        if (form == null) {
            throw ProblemException.badRequest("Send the survey as JSON.");
        }
        if (form.opens() == null || form.closes() == null) {
            throw ProblemException.badRequest("opens and closes are required dates (YYYY-MM-DD).");
        }
        if (form.closes().isBefore(form.opens())) {
            throw ProblemException.badRequest("closes must not be before opens.");
        }
        int k = form.minGroupSize() == null
                ? settings.number(PortalSetting.SURVEY_MIN_GROUP_SIZE)
                : form.minGroupSize();
        if (k < 5) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "minGroupSize must be at least 5: a figure over fewer districts is close to one district's answer.",
                    Map.of("minGroupSize", k));
        }
        survey.describe(
                Fields.required(form.title(), "title", 200).strip(),
                Fields.optional(form.introduction(), "introduction", 4000),
                form.opens(),
                form.closes(),
                k,
                now);
        List<SurveySectionForm> sections = form.sections() == null ? List.of() : form.sections();
        if (sections.size() > 30) {
            throw ProblemException.badRequest("A survey has at most 30 sections.");
        }
        Set<String> codes = new HashSet<>();
        for (SurveySectionForm sectionForm : sections) {
            if (sectionForm == null) {
                throw ProblemException.badRequest("A section is empty.");
            }
            SurveySection section = new SurveySection(
                    survey, survey.getSections().size(), Fields.required(sectionForm.title(), "section title", 200));
            survey.getSections().add(section);
            for (QuestionForm q : sectionForm.questions() == null ? List.<QuestionForm>of() : sectionForm.questions()) {
                section.getQuestions().add(question(section, q, codes));
            }
        }
        if (codes.size() > 200) {
            throw ProblemException.badRequest("A survey has at most 200 questions.");
        }
    }

    private static SurveyQuestion question(SurveySection section, QuestionForm q, Set<String> codes) {
        if (q == null) {
            throw ProblemException.badRequest("A question is empty.");
        }
        String code = Fields.required(q.code(), "code", 60).strip();
        if (!code.matches("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+")) {
            throw ProblemException.badRequest(
                    "code " + code + " must be upper-case words joined by dots, such as CYBER.MFA_REQUIRED.");
        }
        if (!codes.add(code)) {
            throw ProblemException.badRequest("code " + code + " is used twice.");
        }
        QuestionType type = Fields.oneOf(QuestionType.class, q.type(), null, "type");
        if (type == null) {
            throw ProblemException.badRequest("type of " + code + " is required.");
        }
        List<String> options = q.options() == null
                ? List.of()
                : q.options().stream()
                        .map(o -> Fields.required(o, "option of " + code, 200).strip())
                        .distinct()
                        .toList();
        boolean choice = type == QuestionType.SINGLE || type == QuestionType.MULTI;
        if (choice && (options.size() < 2 || options.size() > 20)) {
            throw ProblemException.badRequest(code + " needs from 2 to 20 options.");
        }
        if (!choice && !options.isEmpty()) {
            throw ProblemException.badRequest(code + " is " + type + " and takes no options.");
        }
        if (q.min() != null && q.max() != null && q.min().compareTo(q.max()) > 0) {
            throw ProblemException.badRequest("min of " + code + " is above its max.");
        }
        if ((q.min() != null || q.max() != null) && !type.numeric() && type != QuestionType.SCALE) {
            throw ProblemException.badRequest(code + " is " + type + " and takes no min or max.");
        }
        return new SurveyQuestion(
                section,
                section.getQuestions().size(),
                code,
                Fields.required(q.text(), "text of " + code, 1000).strip(),
                type,
                choice ? AnswerRules.optionsJson(options) : null,
                Boolean.TRUE.equals(q.required()),
                q.min(),
                q.max());
    }
}
