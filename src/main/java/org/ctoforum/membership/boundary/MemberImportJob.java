package org.ctoforum.membership.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.ctoforum.membership.control.MemberCsv;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.MemberImport;
import org.ctoforum.membership.entity.MemberImportError;
import org.ctoforum.membership.entity.Membership;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Role;

/** Runs an import in the background, one transaction per row, writing progress as it goes. */
@Stateless
public class MemberImportJob {

    private static final Logger LOG = Logger.getLogger(MemberImportJob.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MemberImportJob self;

    @Inject
    Clock clock;

    @Inject
    Invitations invitations;

    @Inject
    Event<ContentChanged> changes;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long importId, List<MemberCsv.Row> rows, long importedBy, boolean byAdmin) {
        for (MemberCsv.Row row : rows) {
            String error = row.error();
            if (error == null) {
                try {
                    self.importRow(row.member(), importedBy, byAdmin);
                } catch (RuntimeException e) {
                    error = "could not be stored: " + rootMessage(e);
                }
            }
            self.recordRow(importId, row.number(), error);
        }
        self.finish(importId);
    }

    /**
     * Updates the member with that confirmed address: a renewal list can be imported again. An address with no
     * account, or only an unconfirmed one, is invited instead: accepting proves the address, and the row's roles and
     * membership come with it, so nobody who signed up with a stranger's address gets the stranger's membership.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void importRow(MemberCsv.Member member, long importedBy, boolean byAdmin) {
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", member.email().value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account == null || !account.isEmailConfirmed()) {
            boolean privileged =
                    member.roles().contains(Role.ADMIN) || member.roles().contains(Role.STAFF);
            if (privileged && !byAdmin) {
                throw ProblemException.forbidden("only an admin invites an admin or staff");
            }
            Membership period = member.membershipStart() == null
                    ? null
                    : new Membership(member.membershipStart(), member.membershipExpiry());
            invitations.inviteFromImport(member.email(), member.displayName(), member.roles(), period, importedBy);
            return;
        }
        if (account.getRoles().contains(Role.ADMIN) && !byAdmin) {
            // As in Members: only admins act on admins, whatever the channel.
            throw ProblemException.forbidden("only an admin may change an admin's account");
        }
        if (account.updateProfile(member.displayName(), member.district(), member.jobTitle())) {
            changes.fire(ContentChanged.of(Content.AUTHOR, account.getId()));
        }
        // Additive: a list of renewals never takes a role away.
        var roles = account.getRoles();
        roles.addAll(member.roles());
        account.assignRoles(roles);
        if (member.membershipStart() != null) {
            account.grantMembership(new Membership(member.membershipStart(), member.membershipExpiry()));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRow(long importId, int rowNumber, String error) {
        MemberImport memberImport = em.find(MemberImport.class, importId);
        if (error == null) {
            memberImport.rowImported();
        } else {
            memberImport.rowFailed();
            em.persist(new MemberImportError(importId, rowNumber, error));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long importId) {
        MemberImport memberImport = em.find(MemberImport.class, importId);
        memberImport.finish(OffsetDateTime.now(clock));
        LOG.info(() -> "Member import " + importId + " finished: " + memberImport.getImportedRows() + " imported, "
                + memberImport.getFailedRows() + " failed");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
