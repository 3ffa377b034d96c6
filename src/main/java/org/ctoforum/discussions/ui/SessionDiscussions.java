package org.ctoforum.discussions.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.ctoforum.discussions.boundary.ThreadLists;
import org.ctoforum.discussions.boundary.ThreadSummary;

/**
 * The threads about a forum session, for the fragment the edition page includes under each session. The edition's
 * threads are read once per request, with the reader's access applied.
 */
@Named
@RequestScoped
public class SessionDiscussions {

    @Inject
    ThreadLists threadLists;

    private Long editionId;
    private Map<Long, List<ThreadSummary>> bySession = Map.of();

    public List<ThreadSummary> about(long editionId, long sessionId) {
        if (this.editionId == null || this.editionId != editionId) {
            bySession = threadLists.forEdition(editionId);
            this.editionId = editionId;
        }
        return bySession.getOrDefault(sessionId, List.of());
    }
}
