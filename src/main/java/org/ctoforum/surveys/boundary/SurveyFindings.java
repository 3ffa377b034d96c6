package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyFinding;
import org.ctoforum.surveys.entity.SurveyStatus;

/**
 * A survey's headline findings. Staff write them and mark which are public; once the survey is published the public
 * ones are shown to everyone and found by search, the rest to members.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class SurveyFindings {

    private static final Logger LOG = Logger.getLogger(SurveyFindings.class.getName());

    /** {@code access} is PUBLIC or MEMBERS; {@code code} names the question the finding is about, if one. */
    public record FindingForm(String title, String body, String code, String access) {}

    public record FindingView(
            long id,
            long surveyId,
            int year,
            String title,
            String body,
            String bodyHtml,
            String code,
            String access,
            String url) {}

    public enum Access {
        PUBLIC,
        MEMBERS
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Surveys surveys;

    @Inject
    Event<ContentChanged> changes;

    /** The findings the caller may read: none before publication but for staff, only the public ones for non-members. */
    public List<FindingView> list(long surveyId) {
        Survey survey = surveys.visible(surveyId);
        boolean staff = caller.staff();
        if (survey.getStatus() != SurveyStatus.PUBLISHED && !staff) {
            return List.of();
        }
        boolean member = staff || caller.is(Role.MEMBER);
        return em
                .createQuery(
                        "select f from SurveyFinding f where f.surveyId = :s and (f.open = true or :member = true)"
                                + " order by f.position",
                        SurveyFinding.class)
                .setParameter("s", surveyId)
                .setParameter("member", member)
                .getResultList()
                .stream()
                .map(f -> view(f, survey.getYear()))
                .toList();
    }

    /** Staff replace a survey's findings, in the order given. */
    public List<FindingView> replace(long surveyId, List<FindingForm> forms) {
        long staffId = caller.require(Role.STAFF, "write survey findings");
        Survey survey = surveys.visible(surveyId);
        if (forms == null || forms.size() > 40) {
            throw ProblemException.badRequest("Send a list of at most 40 findings.");
        }
        em.createQuery("delete from SurveyFinding f where f.surveyId = :s")
                .setParameter("s", surveyId)
                .executeUpdate();
        int position = 0;
        for (FindingForm form : forms) {
            if (form == null) {
                throw ProblemException.badRequest("A finding is empty.");
            }
            String body = Fields.required(form.body(), "body", 8000);
            String code = Fields.optional(form.code(), "code", 60);
            if (code != null
                    && survey.questions().stream().noneMatch(q -> q.getCode().equals(code.strip()))) {
                throw ProblemException.badRequest("The " + survey.getYear() + " survey has no question " + code + ".");
            }
            em.persist(new SurveyFinding(
                    surveyId,
                    position++,
                    Fields.required(form.title(), "title", 200).strip(),
                    body,
                    Markdown.toSafeHtml(body),
                    code == null ? null : code.strip(),
                    Fields.oneOf(Access.class, form.access(), Access.MEMBERS, "access") == Access.PUBLIC));
        }
        em.flush();
        changes.fire(ContentChanged.of(Content.SURVEY, surveyId));
        LOG.info("Survey " + surveyId + ": " + forms.size() + " findings written by account " + staffId);
        return list(surveyId);
    }

    static FindingView view(SurveyFinding f, int year) {
        return new FindingView(
                f.getId(),
                f.getSurveyId(),
                year,
                f.getTitle(),
                f.getBodyMarkdown(),
                f.getBodyHtml(),
                f.getQuestionCode(),
                f.isOpen() ? Access.PUBLIC.name() : Access.MEMBERS.name(),
                "/surveys/results.xhtml?year=" + year + "#finding-" + f.getId());
    }
}
