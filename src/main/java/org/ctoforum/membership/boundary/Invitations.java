package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.Invitation;
import org.ctoforum.membership.entity.Membership;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;

/**
 * Staff invite people by address, with the roles and membership period they chose. Invitations expire, and staff can
 * send them again or revoke them. The invited person's side is {@link InvitationAcceptance}.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class.getName());
    /** The newest this many, for staff's list; older invitations stay in the table. */
    private static final int LIST_SIZE = 1000;

    public record MembershipPeriod(LocalDate start, LocalDate expiry) {}

    public record InvitationForm(String email, String displayName, Set<String> roles, MembershipPeriod membership) {}

    public record InvitationView(
            long id,
            String email,
            String displayName,
            Set<String> roles,
            LocalDate membershipStart,
            LocalDate membershipExpiry,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            int sentCount,
            OffsetDateTime expiresAt,
            OffsetDateTime acceptedAt,
            Long accountId) {

        /** The roles, for a table cell. */
        public String rolesText() {
            return String.join(", ", roles);
        }

        static InvitationView of(Invitation invitation, OffsetDateTime now) {
            Membership period = invitation.getMembership();
            return new InvitationView(
                    invitation.getId(),
                    invitation.getEmail(),
                    invitation.getDisplayName(),
                    invitation.getRoles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)),
                    period == null ? null : period.getStart(),
                    period == null ? null : period.getExpiry(),
                    invitation.statusAt(now).name(),
                    invitation.getCreatedAt(),
                    invitation.getSentAt(),
                    invitation.getSentCount(),
                    invitation.getExpiresAt(),
                    invitation.getAcceptedAt(),
                    invitation.getAccountId());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Invites one address (staff); only an admin invites an admin or staff. */
    public InvitationView invite(InvitationForm form) {
        long staffId = caller.require(Role.STAFF, "invite people");
        if (form == null) {
            throw ProblemException.badRequest("Send {email, displayName?, roles?, membership: {start, expiry}?}.");
        }
        EmailAddress email = EmailAddress.parse(Fields.required(form.email(), "email", 254));
        if (email == null) {
            throw ProblemException.badRequest("'" + form.email() + "' is not an email address.");
        }
        Set<Role> roles = roles(form.roles());
        Membership membership = membership(form.membership());
        boolean hasAccount = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .anyMatch(Account::isEmailConfirmed);
        if (hasAccount) {
            throw ProblemException.conflict(email.value() + " already has a confirmed account; grant its membership"
                    + " and roles on the members page instead.");
        }
        Invitation invitation =
                create(email, Fields.optional(form.displayName(), "displayName", 120), roles, membership, staffId);
        LOG.info(() -> "Account " + staffId + " invited " + email + " (invitation " + invitation.getId() + ", roles "
                + roles + ")");
        return InvitationView.of(invitation, now());
    }

    /**
     * An invitation without a caller, for the first administrator that PORTAL_ADMIN_EMAIL names: sent unless one to
     * that address is still open.
     */
    public void inviteFirstAdministrator(EmailAddress email) {
        OffsetDateTime now = now();
        boolean open = em.createQuery("select i from Invitation i where i.email = :e", Invitation.class)
                .setParameter("e", email.value())
                .getResultStream()
                .anyMatch(invitation -> invitation.statusAt(now) == Invitation.Status.PENDING
                        && invitation.getRoles().contains(Role.ADMIN));
        if (open) {
            LOG.info(() -> "The first administrator's invitation to " + email + " is still open; not sent again");
            return;
        }
        Invitation invitation = create(email, null, EnumSet.of(Role.ADMIN, Role.STAFF), null, null);
        LOG.info(() -> "Invited " + email + " to be the first administrator (invitation " + invitation.getId() + ")");
    }

    /** An invitation for a row of a member import, which checked the importer's rights row by row. */
    public void inviteFromImport(
            EmailAddress email, String displayName, Set<Role> roles, Membership membership, long importedBy) {
        Set<Role> invited = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        invited.remove(Role.MEMBER);
        Invitation invitation = create(email, displayName, invited, membership, importedBy);
        LOG.info(() -> "Member import by account " + importedBy + " invited " + email + " (invitation "
                + invitation.getId() + ")");
    }

    /** Staff's list, newest first, of one status or all. */
    public List<InvitationView> list(String status) {
        caller.require(Role.STAFF, "see invitations");
        Invitation.Status wanted = status == null || status.isBlank()
                ? null
                : Fields.oneOf(Invitation.Status.class, status.strip().toUpperCase(Locale.ROOT), null, "status");
        String where = wanted == null
                ? ""
                : switch (wanted) {
                    case ACCEPTED -> " where i.acceptedAt is not null";
                    case REVOKED -> " where i.acceptedAt is null and i.revokedAt is not null";
                    case PENDING -> " where i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now";
                    case EXPIRED -> " where i.acceptedAt is null and i.revokedAt is null and i.expiresAt <= :now";
                };
        OffsetDateTime now = now();
        var query = em.createQuery(
                        "select i from Invitation i" + where + " order by i.createdAt desc, i.id desc",
                        Invitation.class)
                .setMaxResults(LIST_SIZE);
        if (where.contains(":now")) {
            query.setParameter("now", now);
        }
        return query.getResultStream()
                .map(invitation -> InvitationView.of(invitation, now))
                .toList();
    }

    /** A new link and a new period; the old link stops working. */
    public InvitationView resend(long id) {
        long staffId = caller.require(Role.STAFF, "send invitations");
        Invitation invitation = changeable(id);
        String token = Secrets.generate("");
        OffsetDateTime now = now();
        try {
            invitation.resend(Secrets.sha256(token), now, validity());
        } catch (IllegalStateException refused) {
            throw ProblemException.conflict(refused.getMessage() + ".");
        }
        mail(invitation, token);
        LOG.info(() -> "Account " + staffId + " sent invitation " + id + " again");
        return InvitationView.of(invitation, now);
    }

    public void revoke(long id) {
        long staffId = caller.require(Role.STAFF, "revoke invitations");
        Invitation invitation = changeable(id);
        try {
            invitation.revoke(now());
        } catch (IllegalStateException refused) {
            throw ProblemException.conflict(refused.getMessage() + ".");
        }
        LOG.info(() -> "Account " + staffId + " revoked invitation " + id);
    }

    private Invitation create(
            EmailAddress email, String displayName, Set<Role> roles, Membership membership, Long invitedBy) {
        OffsetDateTime now = now();
        // One open invitation per address: a new one replaces the others.
        em.createQuery("select i from Invitation i where i.email = :e", Invitation.class)
                .setParameter("e", email.value())
                .getResultStream()
                .filter(old -> old.statusAt(now) == Invitation.Status.PENDING
                        || old.statusAt(now) == Invitation.Status.EXPIRED)
                .forEach(old -> old.revoke(now));
        String token = Secrets.generate("");
        Invitation invitation = new Invitation(
                email, displayName, roles, membership, Secrets.sha256(token), invitedBy, now, validity());
        em.persist(invitation);
        em.flush();
        mail(invitation, token);
        return invitation;
    }

    private void mail(Invitation invitation, String token) {
        String link = settings.baseUrl() + "/invitation.xhtml?token=" + token;
        String what = invitation.getRoles().contains(Role.ADMIN)
                ? "as an administrator"
                : invitation.getRoles().contains(Role.STAFF)
                        ? "as staff"
                        : invitation.getMembership() != null ? "as a member" : "";
        mailer.send(
                invitation.getEmail(),
                "You are invited to the CTO Forum",
                "Hello" + (invitation.getDisplayName() == null ? "" : " " + invitation.getDisplayName()) + ",\n\n"
                        + "You are invited to the CTO Forum portal " + what
                        + (what.isEmpty() ? "" : " ") + "with this address.\n"
                        + "Choose your password here before "
                        + invitation.getExpiresAt().toLocalDate() + ":\n\n"
                        + link + "\n\nIf you do not know why you got this, ignore it; nothing happens.\n");
    }

    private Invitation changeable(long id) {
        Invitation invitation = em.find(Invitation.class, id);
        if (invitation == null) {
            throw ProblemException.notFound("Invitation " + id);
        }
        if (invitation.getRoles().contains(Role.ADMIN) && !caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin may change an admin's invitation.");
        }
        return invitation;
    }

    private Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? Set.<String>of() : names) {
            roles.add(Fields.oneOf(
                    Role.class, name == null ? null : name.strip().toUpperCase(Locale.ROOT), null, "roles"));
        }
        roles.remove(Role.MEMBER); // membership comes with its period
        boolean privileged = roles.contains(Role.ADMIN) || roles.contains(Role.STAFF);
        if (privileged && !caller.is(Role.ADMIN)) {
            throw ProblemException.forbidden("Only an admin invites an admin or staff.");
        }
        return roles;
    }

    private static Membership membership(MembershipPeriod period) {
        if (period == null) {
            return null;
        }
        if (period.start() == null) {
            throw ProblemException.badRequest("membership.start is required with a membership.");
        }
        if (period.expiry() != null && period.expiry().isBefore(period.start())) {
            throw ProblemException.badRequest(
                    "membership.expiry " + period.expiry() + " is before membership.start " + period.start() + ".");
        }
        return new Membership(period.start(), period.expiry());
    }

    private Duration validity() {
        return Duration.ofDays(settings.number(PortalSetting.INVITATION_DAYS));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
