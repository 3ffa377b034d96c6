package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.ctoforum.membership.control.PasswordHasher;
import org.ctoforum.membership.control.PasswordPolicy;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.limits.RateLimits;
import org.ctoforum.platform.mail.Mailer;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.ClientAddress;

/** What a person does with their own account: sign up, read and edit the profile, change the password. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    public record SignUpForm(String email, String displayName, String district, String jobTitle, String password) {
        void check() {
            Fields.required(email, "email", 254);
            Fields.required(displayName, "displayName", 120);
            Fields.optional(district, "district", 160);
            Fields.optional(jobTitle, "jobTitle", 160);
            Fields.required(password, "password", 1024);
        }
    }

    public record ProfileForm(String displayName, String district, String jobTitle) {
        void check() {
            Fields.required(displayName, "displayName", 120);
            Fields.optional(district, "district", 160);
            Fields.optional(jobTitle, "jobTitle", 160);
        }
    }

    /**
     * A new password. {@code signOutEverywhere} (true when left out) also ends the account's other sessions and
     * revokes its API tokens, signed download links and calendar address.
     */
    public record PasswordChange(String currentPassword, String newPassword, Boolean signOutEverywhere) {
        void check() {
            Fields.required(currentPassword, "currentPassword", 1024);
            Fields.required(newPassword, "newPassword", 1024);
        }
    }

    /** A move to a new address, proved by a link mailed there; the current password guards it. */
    public record AddressChange(String email, String currentPassword) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    AddressConfirmations confirmations;

    @Inject
    Mailer mailer;

    @Inject
    Caller caller;

    @Inject
    SignIn signIn;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    @Inject
    AccountTakeBack takeBack;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    Event<ContentChanged> changes;

    final PasswordHasher hasher = new PasswordHasher();
    final PasswordPolicy policy = new PasswordPolicy();

    /**
     * Self-service sign-up makes a registered non-member whose address is not yet confirmed; staff grant membership
     * later. The answer is the same whether or not the address has an account: only its owner learns which, by mail.
     */
    public void signUp(SignUpForm form) {
        String address = clientAddress.of(request);
        rateLimits.take(RateLimits.Limit.SIGNUP_BY_ADDRESS, address).ifPresent(refill -> {
            long wait = Math.max(1, refill.toSeconds() + 1);
            LOG.info(() -> "Too many sign-ups from " + address + "; told to wait " + wait + " s");
            throw ProblemException.tooManyRequests(
                    "Too many sign-ups from your network. Try again in " + Math.max(1, wait / 60) + " minutes.", wait);
        });
        if (form == null) {
            throw ProblemException.badRequest("Send {email, displayName, district, jobTitle, password}.");
        }
        form.check();
        EmailAddress email = EmailAddress.parse(form.email());
        if (email == null) {
            throw ProblemException.badRequest("'" + form.email() + "' is not an email address.");
        }
        String weak = policy.problemWith(form.password(), email.value());
        if (weak != null) {
            throw ProblemException.badRequest(weak);
        }
        // Hashed either way, so that the answer takes as long for a taken address as for a new one.
        String hash = hasher.hash(form.password().toCharArray());
        Account existing = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (existing != null) {
            mailer.send(
                    existing.getEmail(),
                    "Someone tried to sign up with your CTO Forum address",
                    "Hello " + existing.getDisplayName() + ",\n\n"
                            + "Someone, probably you, tried to create a CTO Forum account with this address. It"
                            + " already has one.\nSign in at " + settings.baseUrl() + "/signin.xhtml, or choose a new"
                            + " password at " + settings.baseUrl() + "/forgot-password.xhtml.\n"
                            + "If it was not you, you need do nothing.\n");
            LOG.info(() -> "Sign-up for the address of account " + existing.getId() + "; its owner was told");
            return;
        }
        Account account =
                new Account(email, form.displayName(), form.district(), form.jobTitle(), OffsetDateTime.now(clock));
        account.choosePassword(hash);
        em.persist(account);
        em.flush();
        confirmations.send(account, email);
        LOG.info(() -> "Account " + account.getId() + " signed up; its address awaits confirmation");
    }

    /** Mails a link to the new address and tells the current one; the account moves when the link is followed. */
    public void requestAddressChange(AddressChange change) {
        if (change == null) {
            throw ProblemException.badRequest("Send {email, currentPassword}.");
        }
        Fields.required(change.email(), "email", 254);
        Account account = mine();
        requireCurrentPassword(account, change.currentPassword());
        EmailAddress email = EmailAddress.parse(change.email());
        if (email == null) {
            throw ProblemException.badRequest("'" + change.email() + "' is not an email address.");
        }
        if (email.value().equals(account.getEmail())) {
            throw ProblemException.badRequest("That is your address already.");
        }
        confirmations.send(account, email);
        mailer.send(
                account.getEmail(),
                "A new address was asked for your CTO Forum account",
                "Hello " + account.getDisplayName() + ",\n\nSomeone signed in to your CTO Forum account asked to use "
                        + email.value() + " instead of this address. Nothing changes until that address confirms.\n"
                        + "If this was not you, change your password at " + settings.baseUrl()
                        + "/forgot-password.xhtml and tell the association's staff.\n");
        LOG.info(() -> "Account " + account.getId() + " asked to move to a new address");
    }

    /** The caller's own account; an account whose address awaits confirmation sees it too. */
    public AccountView me() {
        Account account = em.find(Account.class, caller.requireAnyAccountId());
        if (account == null) {
            throw ProblemException.unauthorized();
        }
        return AccountView.of(account, today());
    }

    public AccountView updateProfile(ProfileForm form) {
        form.check();
        Account account = mine();
        if (account.updateProfile(form.displayName(), form.district(), form.jobTitle())) {
            changes.fire(ContentChanged.of(Content.AUTHOR, account.getId()));
        }
        return AccountView.of(account, today());
    }

    /** Changes the caller's password, the current one checked under the same throttle as sign-in's. */
    public void changePassword(PasswordChange change) {
        change.check();
        Account account = mine();
        requireCurrentPassword(account, change.currentPassword());
        String weak = policy.problemWith(change.newPassword(), account.getEmail());
        if (weak != null) {
            throw ProblemException.badRequest(weak);
        }
        account.choosePassword(hasher.hash(change.newPassword().toCharArray()));
        LOG.info(() -> "Account " + account.getId() + " changed its password");
        if (!Boolean.FALSE.equals(change.signOutEverywhere())) {
            takeBack.signOutEverywhere(account, "new password");
        }
    }

    /** The current password, checked and recorded like a sign-in, so that guessing it is throttled the same. */
    private void requireCurrentPassword(Account account, String currentPassword) {
        Fields.required(currentPassword, "currentPassword", 1024);
        SignIn.PasswordCheck check = signIn.checkCurrentPassword(account, currentPassword, clientAddress.of(request));
        if (check.retryAfter() != null) {
            throw ProblemException.tooManyRequests(
                    "Too many wrong passwords; try again in "
                            + check.retryAfter().toMinutes() + " minutes.",
                    Math.max(1, check.retryAfter().toSeconds()));
        }
        if (!check.matches()) {
            throw ProblemException.badRequest("The current password is wrong.");
        }
    }

    private Account mine() {
        Account account = em.find(Account.class, caller.requireAccountId());
        if (account == null) {
            throw ProblemException.unauthorized();
        }
        return account;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.timeZone()));
    }
}
