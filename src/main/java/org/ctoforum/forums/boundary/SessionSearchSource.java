package org.ctoforum.forums.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.forums.entity.Edition;
import org.ctoforum.forums.entity.ForumSession;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.searchable.SearchSource;

/**
 * Forum sessions in search: those of published editions, but not the cancelled ones. Anyone finds a session by its
 * title and abstract; its notes are for members. A change to an edition re-reads its sessions.
 */
@ApplicationScoped
public class SessionSearchSource implements SearchSource {

    static final String SESSION = "session";

    @PersistenceContext
    EntityManager em;

    @Override
    public Set<Content> changes() {
        return Set.of(Content.SESSION, Content.EDITION);
    }

    @Override
    public List<Content> rebuilt() {
        return List.of(Content.SESSION);
    }

    @Override
    public IndexUpdate update(Content content, long id) {
        if (content == Content.EDITION) {
            return IndexUpdate.ofEach(
                    em.createQuery("select s.id from ForumSession s where s.editionId = :e", Long.class)
                            .setParameter("e", id)
                            .getResultList(),
                    this::session);
        }
        return session(id);
    }

    @Override
    public long count(Content kind) {
        return em.createQuery("select count(s) from ForumSession s", Long.class).getSingleResult();
    }

    @Override
    public IndexBatch batch(Content kind, long afterId, int size) {
        List<ForumSession> sessions = em.createQuery(
                        "select s from ForumSession s where s.id > :after order by s.id", ForumSession.class)
                .setParameter("after", afterId)
                .setMaxResults(size)
                .getResultList();
        Set<Long> editionIds = sessions.stream().map(ForumSession::getEditionId).collect(Collectors.toSet());
        Map<Long, Edition> editions = editionIds.isEmpty()
                ? Map.of()
                : em
                        .createQuery("select e from Edition e where e.id in :ids", Edition.class)
                        .setParameter("ids", editionIds)
                        .getResultList()
                        .stream()
                        .collect(Collectors.toMap(Edition::getId, Function.identity()));
        return IndexBatch.of(
                sessions,
                ForumSession::getId,
                session -> document(session, editions.get(session.getEditionId())).stream()
                        .toList());
    }

    private IndexUpdate session(long id) {
        IndexUpdate update = IndexUpdate.removing(SearchDocument.key(SESSION, id), false);
        ForumSession session = em.find(ForumSession.class, id);
        if (session != null) {
            document(session, em.find(Edition.class, session.getEditionId())).ifPresent(update.put()::add);
        }
        return update;
    }

    private static Optional<SearchDocument> document(ForumSession session, Edition edition) {
        if (edition == null || !edition.published() || session.isCancelled()) {
            return Optional.empty();
        }
        return Optional.of(SearchDocument.of(SESSION, session.getId())
                .title(session.getTitle())
                .summary(Markdown.toPlainText(session.getAbstractMarkdown()))
                .body(Markdown.toPlainText(session.getNotesMarkdown()))
                .url(ForumReferences.sessionUrl(edition.getId(), session.getId()))
                .date(
                        session.getStart() == null
                                ? edition.getStartDate()
                                : session.getStart().toLocalDate())
                .access("public", false, Set.of(ReaderKeys.EVERYONE), Set.of(ReaderKeys.MEMBERS))
                .year(edition.getYear())
                .topics(session.getTopic() == null ? List.of() : List.of(session.getTopic()))
                .build());
    }
}
