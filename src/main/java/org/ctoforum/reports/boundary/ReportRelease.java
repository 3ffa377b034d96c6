package org.ctoforum.reports.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.reports.entity.Report;

/**
 * Logs each report once when its release moment comes. Readers' visibility does not wait for this job: every query,
 * search's too, compares the release moment with the clock, so an embargo lifts exactly on time. Rows are claimed
 * with SKIP LOCKED so two nodes never log the same report.
 */
@Singleton
public class ReportRelease {

    private static final Logger LOG = Logger.getLogger(ReportRelease.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void announceDue() {
        List<?> ids = em.createNativeQuery("select id from report where status = ? and not announced"
                        + " and release_at <= ? order by release_at limit 50 for update skip locked")
                .setParameter(1, Report.Status.PUBLISHED.name())
                .setParameter(2, OffsetDateTime.now(clock))
                .getResultList();
        for (Object row : ids) {
            long id = ((Number) row).longValue();
            // A plain update, not through the entity: the report's version stays, so a staff edit of the report at
            // the same moment does not fail on an optimistic lock.
            em.createNativeQuery("update report set announced = true where id = ?")
                    .setParameter(1, id)
                    .executeUpdate();
            Report report = em.find(Report.class, id);
            LOG.info(() ->
                    "Report " + id + " '" + report.getSlug() + "' is released (since " + report.getReleaseAt() + ")");
        }
    }
}
