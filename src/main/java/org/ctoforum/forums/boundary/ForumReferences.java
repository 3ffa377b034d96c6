package org.ctoforum.forums.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctoforum.forums.entity.Edition;

/**
 * What other features may know of forum sessions and editions: that they exist, and a shown session's title and
 * page, for threads about it. Only sessions of published editions are shown; a draft edition's stay the planners'.
 */
@Stateless
public class ForumReferences {

    /** A session as others link to it. */
    public record SessionReference(long id, String title, long editionId, String url) {}

    @PersistenceContext
    EntityManager em;

    /** The shown sessions among {@code ids}, by id; the others are absent. */
    public Map<Long, SessionReference> sessions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "select s.id, s.title, s.editionId from ForumSession s, Edition e"
                                + " where e.id = s.editionId and s.id in :ids and e.status <> :draft",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("draft", Edition.Status.DRAFT)
                .getResultList()
                .stream()
                .map(row -> reference((Long) row[0], (String) row[1], (Long) row[2]))
                .collect(Collectors.toMap(SessionReference::id, Function.identity()));
    }

    public Optional<SessionReference> session(long id) {
        return Optional.ofNullable(sessions(List.of(id)).get(id));
    }

    /** Whether the session exists at all, shown or not. */
    public boolean sessionExists(long id) {
        return !em.createQuery("select s.id from ForumSession s where s.id = :id", Long.class)
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    /** The ids of an edition's sessions; the edition's page decides who sees them. */
    public List<Long> sessionsOf(long editionId) {
        return em.createQuery("select s.id from ForumSession s where s.editionId = :edition", Long.class)
                .setParameter("edition", editionId)
                .getResultList();
    }

    /** The first session with this title, for seeds that name sessions by title. */
    public Optional<Long> sessionIdByTitle(String title) {
        return em
                .createQuery("select s.id from ForumSession s where s.title = :title order by s.id", Long.class)
                .setParameter("title", title)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    public boolean editionExists(long id) {
        return em.find(Edition.class, id) != null;
    }

    /** The first edition with this title, for seeds that name editions by title. */
    public Optional<Long> editionIdByTitle(String title) {
        return em
                .createQuery("select e.id from Edition e where e.title = :title order by e.id", Long.class)
                .setParameter("title", title)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    /** A session's place on its edition's page. */
    static String sessionUrl(long editionId, long sessionId) {
        return "/forums/edition.xhtml?id=" + editionId + "#session-" + sessionId;
    }

    private static SessionReference reference(long id, String title, long editionId) {
        return new SessionReference(id, title, editionId, sessionUrl(editionId, id));
    }
}
