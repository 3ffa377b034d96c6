package org.ctoforum.membership.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.ctoforum.membership.control.MemberCsv;

/**
 * Starts a member import's background job once the import's row is committed, so that the job's own transactions
 * always find it.
 */
@ApplicationScoped
class MemberImportStarter {

    /** An import stored and waiting for its job. */
    record Started(long importId, List<MemberCsv.Row> rows, long importedBy, boolean byAdmin) {}

    @Inject
    MemberImportJob job;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) Started started) {
        job.run(started.importId(), started.rows(), started.importedBy(), started.byAdmin());
    }
}
