package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.ctoforum.membership.control.OpenIdClient;
import org.ctoforum.membership.control.OpenIdClient.SignInRefused;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.membership.entity.AccountIdentity;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.membership.entity.IdentityProvider;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/**
 * Who a person signing in through a provider is here. The identity is the pair (issuer, subject), never the email: a
 * first sign-in links to an existing account only when the provider vouches for the address ({@code email_verified})
 * and it matches a confirmed account or an open invitation; otherwise it makes a new account without membership,
 * confirmed only when the provider vouches for the address.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class SingleSignOn {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());
    private static final String GOOGLE = "https://accounts.google.com";

    public record IdentityView(
            long id, String provider, String email, OffsetDateTime linkedAt, OffsetDateTime lastUsedAt)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    IdentityProviders providers;

    @Inject
    InvitationAcceptance invitations;

    @Inject
    AccountTakeBack takeBack;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The account a validated sign-in stands for, linked or made now; refused with a reason the person may read. */
    public long accountFor(String providerKey, OpenIdClient.Claims claims) throws SignInRefused {
        IdentityProvider provider = providers.existing(providerKey);
        requireAllowedDomain(provider, claims);
        String email = claims.email() == null ? null : claims.email().strip().toLowerCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        AccountIdentity known = identity(claims).orElse(null);
        if (known != null) {
            Account account = em.find(Account.class, known.getAccountId());
            if (account == null || account.isDisabled()) {
                throw new SignInRefused("This account is disabled; ask the association's staff.");
            }
            known.used(email, now);
            return account.getId();
        }
        EmailAddress address = email == null ? null : EmailAddress.parse(email);
        if (address == null) {
            throw new SignInRefused(provider.getLabel() + " did not give an email address, which the portal needs.");
        }
        Account account = em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", address.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (account != null && account.isDisabled()) {
            throw new SignInRefused("This account is disabled; ask the association's staff.");
        }
        if (account != null && !claims.emailVerified()) {
            throw new SignInRefused("An account with " + address.value() + " exists, and " + provider.getLabel()
                    + " does not vouch for the address. Sign in with your password, then link " + provider.getLabel()
                    + " from your profile.");
        }
        long accountId;
        if (account == null) {
            Optional<Long> invited = claims.emailVerified()
                    ? invitations.acceptBySignIn(address, name(claims, address))
                    : Optional.empty();
            accountId = invited.isPresent() ? invited.get() : newAccount(address, claims, providerKey, now);
        } else {
            if (!account.isEmailConfirmed()) {
                // The provider vouches for the address, so whoever signed up with it before did not own it.
                account.choosePassword(null);
                account.confirmEmail(now);
                takeBack.signOutEverywhere(account, "address proved by " + providerKey);
            }
            accountId = account.getId();
        }
        em.persist(new AccountIdentity(accountId, claims.issuer(), claims.subject(), providerKey, email, now));
        LOG.info(() -> "Account " + accountId + " linked to its identity at '" + providerKey + "'");
        return accountId;
    }

    /** Links a provider's identity to the account that asked, signed in; refused when it is another account's. */
    public void link(long accountId, String providerKey, OpenIdClient.Claims claims) throws SignInRefused {
        IdentityProvider provider = providers.existing(providerKey);
        requireAllowedDomain(provider, claims);
        AccountIdentity known = identity(claims).orElse(null);
        if (known != null && known.getAccountId() != accountId) {
            throw new SignInRefused("This " + provider.getLabel() + " account is linked to another portal account.");
        }
        if (known == null) {
            em.persist(new AccountIdentity(
                    accountId,
                    claims.issuer(),
                    claims.subject(),
                    providerKey,
                    claims.email(),
                    OffsetDateTime.now(clock)));
            LOG.info(() -> "Account " + accountId + " linked its identity at '" + providerKey + "' from its profile");
        }
    }

    /** The caller's linked identities. */
    public List<IdentityView> mine() {
        long me = caller.requireAccountId();
        return em.createQuery(
                        "select i from AccountIdentity i where i.accountId = :a order by i.linkedAt",
                        AccountIdentity.class)
                .setParameter("a", me)
                .getResultStream()
                .map(i -> new IdentityView(
                        i.getId(), i.getProviderKey(), i.getEmail(), i.getLinkedAt(), i.getLastUsedAt()))
                .toList();
    }

    /** Unlinks one of the caller's identities, as long as another way in is left. */
    public void unlink(long identityId) {
        long me = caller.requireAccountId();
        AccountIdentity identity = em.find(AccountIdentity.class, identityId);
        if (identity == null || identity.getAccountId() != me) {
            throw ProblemException.notFound("Sign-in identity " + identityId);
        }
        Account account = em.find(Account.class, me);
        long others = em.createQuery("select count(i) from AccountIdentity i where i.accountId = :a", Long.class)
                        .setParameter("a", me)
                        .getSingleResult()
                - 1;
        if (others == 0 && account.getPasswordHash() == null) {
            throw ProblemException.conflict("This is your only way in. Choose a password first (Forgot password on"
                    + " the sign-in page mails you a link), then unlink it.");
        }
        em.remove(identity);
        LOG.info(() -> "Account " + me + " unlinked its identity at '" + identity.getProviderKey() + "'");
    }

    /** A provider limited to a district's domains admits only their addresses, and for Google only its Workspace. */
    private static void requireAllowedDomain(IdentityProvider provider, OpenIdClient.Claims claims)
            throws SignInRefused {
        List<String> domains = provider.getEmailDomains();
        if (domains.isEmpty()) {
            return;
        }
        if (claims.email() == null || !provider.allows(claims.email().strip())) {
            throw new SignInRefused("Only addresses at " + String.join(", ", domains) + " may sign in with "
                    + provider.getLabel() + ".");
        }
        boolean google = GOOGLE.equals(provider.getIssuer());
        if (google
                && (claims.hostedDomain() == null
                        || !domains.contains(claims.hostedDomain().toLowerCase(Locale.ROOT)))) {
            throw new SignInRefused("Only accounts of " + String.join(", ", domains) + "'s Google Workspace may sign in"
                    + " with " + provider.getLabel() + ".");
        }
    }

    private Optional<AccountIdentity> identity(OpenIdClient.Claims claims) {
        return em.createQuery(
                        "select i from AccountIdentity i where i.issuer = :iss and i.subject = :sub",
                        AccountIdentity.class)
                .setParameter("iss", claims.issuer())
                .setParameter("sub", claims.subject())
                .getResultStream()
                .findFirst();
    }

    /** An account made at a first sign-in, without membership; confirmed only when the provider vouches for it. */
    private long newAccount(EmailAddress address, OpenIdClient.Claims claims, String providerKey, OffsetDateTime now) {
        Account account = new Account(address, name(claims, address), null, null, now);
        if (claims.emailVerified()) {
            account.confirmEmail(now);
        }
        em.persist(account);
        em.flush();
        long id = account.getId();
        LOG.info(() -> "Account " + id + " made at its first sign-in through '" + providerKey + "'");
        return id;
    }

    private static String name(OpenIdClient.Claims claims, EmailAddress address) {
        String name = claims.name();
        if (name == null || name.isBlank()) {
            name = address.value().substring(0, address.value().indexOf('@'));
        }
        return name.length() > 120 ? name.substring(0, 120) : name.strip();
    }
}
