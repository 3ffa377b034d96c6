package org.ctoforum.surveys.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.searchable.SearchSource;
import org.ctoforum.surveys.entity.Survey;
import org.ctoforum.surveys.entity.SurveyFinding;
import org.ctoforum.surveys.entity.SurveyStatus;

/** A published survey's findings in search, like trend-report sections: public ones for all, the rest for members. */
@ApplicationScoped
public class SurveySearchSource implements SearchSource {

    static final String SURVEY = "survey";
    static final String FINDING = "finding";

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Content> changes() {
        return Set.of(Content.SURVEY);
    }

    @Override
    public List<Content> rebuilt() {
        return List.of(Content.SURVEY);
    }

    @Override
    public IndexUpdate update(Content content, long id) {
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(SURVEY, id), true);
        Survey survey = em.find(Survey.class, id);
        if (survey != null) {
            update.put().addAll(documents(survey));
        }
        return update;
    }

    @Override
    public long count(Content kind) {
        return em.createQuery("select count(s) from Survey s", Long.class).getSingleResult();
    }

    @Override
    public IndexBatch batch(Content kind, long afterId, int size) {
        return IndexBatch.of(
                em.createQuery("select s from Survey s where s.id > :after order by s.id", Survey.class)
                        .setParameter("after", afterId)
                        .setMaxResults(size)
                        .getResultList(),
                Survey::getId,
                this::documents);
    }

    private List<SearchDocument> documents(Survey survey) {
        if (survey.getStatus() != SurveyStatus.PUBLISHED) {
            return List.of();
        }
        return em
                .createQuery(
                        "select f from SurveyFinding f where f.surveyId = :s order by f.position", SurveyFinding.class)
                .setParameter("s", survey.getId())
                .getResultList()
                .stream()
                .map(f -> SearchDocument.of(FINDING, f.getId())
                        .parent(SearchDocument.key(SURVEY, survey.getId()))
                        .title(f.getTitle())
                        .summary(survey.getTitle())
                        .body(Markdown.toPlainText(f.getBodyMarkdown()))
                        .url("/surveys/results.xhtml?year=" + survey.getYear() + "#finding-" + f.getId())
                        .date(survey.getPublishedAt().toLocalDate())
                        .access(
                                f.isOpen() ? "public" : "members",
                                !f.isOpen(),
                                Set.of(f.isOpen() ? ReaderKeys.EVERYONE : ReaderKeys.MEMBERS),
                                Set.of(f.isOpen() ? ReaderKeys.EVERYONE : ReaderKeys.MEMBERS))
                        .year(survey.getYear())
                        .topics(List.of("IT Leadership Survey"))
                        .build())
                .toList();
    }
}
