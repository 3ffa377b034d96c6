package org.ctoforum.search.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.search.control.SearchAnalysis;

/**
 * Groups of terms search treats as one ("byod, bring your own device"). They apply at query time, so a change needs
 * no reindex; it goes through the change log so that every node reloads them.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Synonyms {

    private static final Logger LOG = Logger.getLogger(Synonyms.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Event<ContentChanged> changes;

    public record Group(long id, String terms, boolean builtIn) {}

    public record GroupForm(String terms) {}

    public List<Group> list() {
        caller.require(Role.STAFF, "read the search synonyms");
        List<?> rows = em.createNativeQuery("select id, terms, built_in from search_synonym order by id")
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Group(((Number) row[0]).longValue(), (String) row[1], (Boolean) row[2]))
                .toList();
    }

    public Group add(GroupForm form) {
        long staffId = caller.require(Role.STAFF, "change search synonyms");
        String terms = normalized(Fields.required(form == null ? null : form.terms(), "terms", 300));
        String problem = SearchAnalysis.problemWith(terms);
        if (problem != null) {
            throw ProblemException.badRequest(problem);
        }
        if (list().stream().anyMatch(group -> group.terms().equals(terms))) {
            throw ProblemException.conflict("That synonym group exists already.");
        }
        long id = ((Number) em.createNativeQuery("insert into search_synonym (terms) values (?) returning id")
                        .setParameter(1, terms)
                        .getSingleResult())
                .longValue();
        changes.fire(ContentChanged.of(Content.SYNONYMS, id));
        LOG.info(() -> "Account " + staffId + " added search synonyms '" + terms + "'");
        return new Group(id, terms, false);
    }

    public void remove(long id) {
        long staffId = caller.require(Role.STAFF, "change search synonyms");
        Group group = list().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Synonym group " + id));
        if (group.builtIn()) {
            throw ProblemException.conflict("The built-in synonym groups stay.");
        }
        em.createNativeQuery("delete from search_synonym where id = ?")
                .setParameter(1, id)
                .executeUpdate();
        changes.fire(ContentChanged.of(Content.SYNONYMS, id));
        LOG.info(() -> "Account " + staffId + " removed search synonyms '" + group.terms() + "'");
    }

    /** "BYOD ,  Bring your own device" becomes "byod, bring your own device". */
    private static String normalized(String terms) {
        return Arrays.stream(terms.toLowerCase(Locale.ROOT).split(","))
                .map(term -> term.strip().replaceAll("\\s+", " "))
                .filter(term -> !term.isEmpty())
                .collect(Collectors.joining(", "));
    }
}
