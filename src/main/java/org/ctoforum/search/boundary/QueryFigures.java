package org.ctoforum.search.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import org.ctoforum.platform.security.Role;

/** What readers searched for, from the daily counts {@link SearchQueryLog} keeps (staff). */
@Stateless
@RolesAllowed(Role.Names.STAFF)
public class QueryFigures {

    public record QueryCount(String query, long searches, long zeroHits) {}

    @PersistenceContext
    EntityManager em;

    /** The most common queries since a day: by searches, or by searches that found nothing. */
    public List<QueryCount> mostCommon(LocalDate since, boolean foundNothing, int limit) {
        String having = foundNothing
                ? "sum(zero_hits) > 0 order by sum(zero_hits) desc"
                : "sum(searches) > 0 order by sum(searches) desc";
        List<?> rows = em.createNativeQuery("select query, sum(searches), sum(zero_hits) from search_query_day"
                        + " where day >= ? group by query having " + having + ", query limit ?")
                .setParameter(1, since)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row ->
                        new QueryCount((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }
}
