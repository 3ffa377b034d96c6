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

    @PersistenceContext
    EntityManager em;

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

    /** Self-service sign-up creates a registered non-member; staff grant membership later. */
    public AccountView signUp(SignUpForm form) {
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
        if (exists(email)) {
            throw ProblemException.conflict(
                    "An account with this email already exists; sign in or reset its password.");
        }
        Account account =
                new Account(email, form.displayName(), form.district(), form.jobTitle(), OffsetDateTime.now(clock));
        account.choosePassword(hasher.hash(form.password().toCharArray()));
        em.persist(account);
        em.flush();
        em.refresh(account); // the database chose the @handle
        LOG.info(() -> "Account " + account.getId() + " signed up as " + email);
        return AccountView.of(account, today());
    }

    public AccountView me() {
        return AccountView.of(mine(), today());
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
        SignIn.PasswordCheck check =
                signIn.checkCurrentPassword(account, change.currentPassword(), clientAddress.of(request));
        if (check.retryAfter() != null) {
            throw ProblemException.tooManyRequests(
                    "Too many wrong passwords; try again in "
                            + check.retryAfter().toMinutes() + " minutes.",
                    Math.max(1, check.retryAfter().toSeconds()));
        }
        if (!check.matches()) {
            throw ProblemException.badRequest("The current password is wrong.");
        }
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

    boolean exists(EmailAddress email) {
        return !em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email.value())
                .getResultList()
                .isEmpty();
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
