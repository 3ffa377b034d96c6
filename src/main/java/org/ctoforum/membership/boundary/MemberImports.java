package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.membership.control.MemberCsv;
import org.ctoforum.membership.entity.MemberImport;
import org.ctoforum.membership.entity.MemberImportError;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Staff import members from CSV. The file is checked as a whole (size, header) at once; then each row is imported
 * in its own transaction in the background, so good rows are kept and bad ones are reported by row number.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
@RolesAllowed(Role.Names.STAFF)
public class MemberImports {

    private static final Logger LOG = Logger.getLogger(MemberImports.class.getName());

    public record Progress(
            long id,
            String fileName,
            String status,
            int totalRows,
            int processedRows,
            int importedRows,
            int failedRows,
            int percent,
            List<RowError> errors)
            implements Serializable {}

    public record RowError(int row, String message) implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<MemberImportStarter.Started> started;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public Progress start(byte[] csv, String fileName) {
        int limit = settings.number(PortalSetting.IMPORT_MAX_BYTES);
        if (csv.length > limit) {
            throw ProblemException.tooLarge("The file has " + csv.length + " bytes; the limit is " + limit + ".");
        }
        if (csv.length == 0) {
            throw ProblemException.badRequest("The file is empty.");
        }
        List<MemberCsv.Row> rows = read(csv).stream()
                .map(row -> caller.is(Role.ADMIN) ? row : withoutPrivilegedRoles(row))
                .toList();
        String name = fileName == null || fileName.isBlank() ? "members.csv" : fileName.strip();
        MemberImport memberImport = new MemberImport(
                caller.requireAccountId(),
                name.length() > 200 ? name.substring(0, 200) : name,
                rows.size(),
                OffsetDateTime.now(clock));
        em.persist(memberImport);
        em.flush();
        LOG.info(() -> "Member import " + memberImport.getId() + " of " + rows.size() + " rows started by account "
                + caller.requireAccountId());
        started.fire(new MemberImportStarter.Started(
                memberImport.getId(), rows, caller.requireAccountId(), caller.is(Role.ADMIN)));
        return progress(memberImport);
    }

    private static List<MemberCsv.Row> read(byte[] csv) {
        try {
            return MemberCsv.read(new String(csv, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static MemberCsv.Row withoutPrivilegedRoles(MemberCsv.Row row) {
        if (row.member() != null
                && (row.member().roles().contains(Role.ADMIN)
                        || row.member().roles().contains(Role.STAFF))) {
            return new MemberCsv.Row(row.number(), null, "only an admin may import ADMIN or STAFF roles");
        }
        return row;
    }

    public Progress progress(long id) {
        MemberImport memberImport = em.find(MemberImport.class, id);
        if (memberImport == null) {
            throw ProblemException.notFound("Import " + id);
        }
        return progress(memberImport);
    }

    private Progress progress(MemberImport memberImport) {
        List<RowError> errors = em.createQuery(
                        "select e from MemberImportError e where e.importId = :id order by e.rowNumber",
                        MemberImportError.class)
                .setParameter("id", memberImport.getId())
                .getResultStream()
                .map(error -> new RowError(error.getRowNumber(), error.getMessage()))
                .toList();
        return new Progress(
                memberImport.getId(),
                memberImport.getFileName(),
                memberImport.getStatus().name(),
                memberImport.getTotalRows(),
                memberImport.getProcessedRows(),
                memberImport.getImportedRows(),
                memberImport.getFailedRows(),
                memberImport.percentDone(),
                errors);
    }
}
