package org.ctoforum.discussions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.logging.Logger;
import org.ctoforum.discussions.entity.DiscussionThread;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.sections.ReportSectionsChanged;
import org.ctoforum.platform.sections.SectionDiscussionCounts;

/**
 * Discussions' side of report sections, for reports, which may not import discussions: the counts its pages and API
 * show, and the threads' copies of headings and titles, kept in step with the report in its own transaction.
 */
@ApplicationScoped
public class ReportSectionDiscussions implements SectionDiscussionCounts {

    private static final Logger LOG = Logger.getLogger(ReportSectionDiscussions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ThreadLists threadLists;

    @Inject
    Event<ContentChanged> changes;

    @Override
    public Map<String, Long> byAnchor(long reportId) {
        return threadLists.sectionCounts(reportId);
    }

    /** A renamed section or report, or a removed section: its threads show and are searched by what it is now. */
    void sectionsChanged(@Observes ReportSectionsChanged change) {
        for (DiscussionThread thread : em.createQuery(
                        "select t from DiscussionThread t where t.section.reportId = :reportId", DiscussionThread.class)
                .setParameter("reportId", change.reportId())
                .getResultList()) {
            String heading = change.headingsByAnchor().get(thread.getSection().getAnchor());
            if (thread.followSection(change.reportTitle(), heading)) {
                changes.fire(ContentChanged.of(Content.THREAD, thread.getId()));
                LOG.fine(() -> "Thread " + thread.getId() + " follows its section of report " + change.reportId()
                        + (heading == null ? ": removed" : ": " + heading));
            }
        }
    }
}
