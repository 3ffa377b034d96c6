package org.ctoforum.membership.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.control.PasswordPolicy;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.Invitation;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.Secrets;

/**
 * The invited person's side of an invitation: what a link stands for, and accepting it, by choosing a password or by
 * signing in through a provider that vouches for the address. Either proves the address, so the account is
 * confirmed; staff's side is {@link Invitations}.
 */
@Stateless
public class InvitationAcceptance {

    private static final Logger LOG = Logger.getLogger(InvitationAcceptance.class.getName());

    /** What the invited person sees before accepting. */
    public record OpenInvitation(String email, String displayName, OffsetDateTime expiresAt) {}

    /** The person's answer: the password they choose, and the name they go by (the invitation's when left out). */
    public record Acceptance(String token, String displayName, String password) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountTakeBack takeBack;

    @Inject
    Event<ContentChanged> changes;

    final PasswordHasher hasher = new PasswordHasher();
    final PasswordPolicy policy = new PasswordPolicy();

    /** The invitation a link stands for, while it can be accepted. */
    public OpenInvitation open(String token) {
        Invitation invitation = pending(token);
        return new OpenInvitation(invitation.getEmail(), invitation.getDisplayName(), invitation.getExpiresAt());
    }

    /**
     * Accepts with a password. The address is proved by the link, so the account is confirmed: a new one, or the one
     * that already holds the address (whoever signed up with it before loses their sessions and password).
     */
    public long accept(Acceptance acceptance) {
        if (acceptance == null) {
            throw ProblemException.badRequest("Send {token, password, displayName?}.");
        }
        Invitation invitation = pending(acceptance.token());
        String password = Fields.required(acceptance.password(), "password", 1024);
        String weak = policy.problemWith(password, invitation.getEmail());
        if (weak != null) {
            throw ProblemException.badRequest(weak);
        }
        String name = Fields.optional(acceptance.displayName(), "displayName", 120);
        if (name == null || name.isBlank()) {
            name = invitation.getDisplayName();
        }
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("displayName is required: the invitation names nobody.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        EmailAddress email = EmailAddress.parse(invitation.getEmail());
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        boolean existed = account != null;
        if (account == null) {
            account = new Account(email, name, null, null, now);
            em.persist(account);
        } else if (!account.isEmailConfirmed()) {
            if (account.updateProfile(name, account.getDistrict(), account.getJobTitle())) {
                changes.fire(ContentChanged.of(Content.AUTHOR, account.getId()));
            }
        }
        account.choosePassword(hasher.hash(password.toCharArray()));
        long accountId = accepted(invitation, account, now);
        if (existed) {
            takeBack.signOutEverywhere(account, "invitation accepted");
        }
        LOG.info(() -> "Invitation " + invitation.getId() + " accepted by account " + accountId);
        return accountId;
    }

    /**
     * Accepts the open invitation to an address that a sign-in provider has just vouched for: the account is made
     * without a password, with the invitation's roles and membership. Empty when no invitation is open.
     */
    public Optional<Long> acceptBySignIn(EmailAddress email, String displayName) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Invitation invitation = em.createQuery(
                        "select i from Invitation i where i.email = :e order by i.createdAt desc", Invitation.class)
                .setParameter("e", email.value())
                .getResultStream()
                .filter(candidate -> candidate.statusAt(now) == Invitation.Status.PENDING)
                .findFirst()
                .orElse(null);
        if (invitation == null) {
            return Optional.empty();
        }
        String name = invitation.getDisplayName() == null ? displayName : invitation.getDisplayName();
        Account account = new Account(email, name, null, null, now);
        em.persist(account);
        long accountId = accepted(invitation, account, now);
        LOG.info(() -> "Invitation " + invitation.getId() + " accepted by signing in; account " + accountId);
        return Optional.of(accountId);
    }

    /** Confirms the address, adds the invitation's roles and membership, and marks it accepted. */
    private long accepted(Invitation invitation, Account account, OffsetDateTime now) {
        account.confirmEmail(now);
        Set<Role> roles = account.getRoles();
        roles.addAll(invitation.getRoles());
        account.assignRoles(roles);
        if (invitation.getMembership() != null) {
            account.grantMembership(invitation.getMembership());
        }
        em.flush();
        invitation.accept(account.getId(), now);
        return account.getId();
    }

    private Invitation pending(String token) {
        Invitation invitation = token == null || token.isBlank()
                ? null
                : em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
                        .setParameter("h", Secrets.sha256(token.strip()))
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (invitation == null || invitation.statusAt(OffsetDateTime.now(clock)) != Invitation.Status.PENDING) {
            throw ProblemException.badRequest("This invitation link is unknown, used, revoked or expired; ask the"
                    + " association's staff to send it again.");
        }
        return invitation;
    }
}
