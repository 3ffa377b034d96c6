package org.ctoforum.membership.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.ctoforum.membership.entity.IdentityProvider;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/**
 * The OpenID Connect providers admins configure: Google Workspace, a Microsoft Entra tenant, or any issuer. Their
 * secrets go in and never come out.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class IdentityProviders {

    private static final Logger LOG = Logger.getLogger(IdentityProviders.class.getName());
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    public record ProviderForm(
            String key, String label, String issuer, String clientId, String clientSecret, List<String> emailDomains) {}

    /** A provider as admins see it: everything but the secret. */
    public record ProviderView(
            String key, String label, String issuer, String clientId, List<String> emailDomains, boolean secretSet) {

        /** The domains, for a table cell. */
        public String domainsText() {
            return emailDomains.isEmpty() ? "any" : String.join(", ", emailDomains);
        }

        static ProviderView of(IdentityProvider provider) {
            return new ProviderView(
                    provider.getKey(),
                    provider.getLabel(),
                    provider.getIssuer(),
                    provider.getClientId(),
                    provider.getEmailDomains(),
                    provider.getClientSecret() != null
                            && !provider.getClientSecret().isEmpty());
        }
    }

    /** A button on the sign-in page. */
    public record SignInButton(String key, String label) implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OpenIdClients clients;

    @Inject
    Clock clock;

    public List<ProviderView> list() {
        caller.require(Role.ADMIN, "see sign-in providers");
        return all().stream().map(ProviderView::of).toList();
    }

    public List<SignInButton> buttons() {
        return all().stream()
                .map(provider -> new SignInButton(provider.getKey(), provider.getLabel()))
                .toList();
    }

    public ProviderView create(ProviderForm form) {
        long adminId = caller.require(Role.ADMIN, "configure sign-in providers");
        if (form == null) {
            throw ProblemException.badRequest("Send {key, label, issuer, clientId, clientSecret, emailDomains}.");
        }
        String key = Fields.required(form.key(), "key", 40).strip().toLowerCase(Locale.ROOT);
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    "key is lower-case letters, digits and dashes, such as 'riverbend-google'.");
        }
        if (em.find(IdentityProvider.class, key) != null) {
            throw ProblemException.conflict("A provider '" + key + "' exists already; change it with PUT.");
        }
        Fields.required(form.clientSecret(), "clientSecret", 1000);
        IdentityProvider provider = new IdentityProvider(key, now());
        configure(provider, form);
        em.persist(provider);
        LOG.info(() ->
                "Account " + adminId + " added the sign-in provider '" + key + "' (" + provider.getIssuer() + ")");
        return ProviderView.of(provider);
    }

    /** Changes a provider; a left-out clientSecret keeps the one stored. */
    public ProviderView update(String key, ProviderForm form) {
        long adminId = caller.require(Role.ADMIN, "configure sign-in providers");
        if (form == null) {
            throw ProblemException.badRequest("Send {label, issuer, clientId, clientSecret?, emailDomains}.");
        }
        IdentityProvider provider = existing(key);
        clients.client().forget(clients.of(provider));
        configure(provider, form);
        LOG.info(() -> "Account " + adminId + " changed the sign-in provider '" + key + "'");
        return ProviderView.of(provider);
    }

    public void delete(String key) {
        long adminId = caller.require(Role.ADMIN, "configure sign-in providers");
        IdentityProvider provider = existing(key);
        clients.client().forget(clients.of(provider));
        em.remove(provider);
        LOG.info(() -> "Account " + adminId + " removed the sign-in provider '" + key + "'");
    }

    /** The provider behind a sign-in button; 404 for one that does not exist. */
    public IdentityProvider existing(String key) {
        IdentityProvider provider = key == null ? null : em.find(IdentityProvider.class, key);
        if (provider == null) {
            throw ProblemException.notFound("Sign-in provider '" + key + "'");
        }
        return provider;
    }

    private void configure(IdentityProvider provider, ProviderForm form) {
        String label = Fields.required(form.label(), "label", 80).strip();
        String issuer = Fields.required(form.issuer(), "issuer", 500).strip();
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("issuer '" + issuer + "' is not an address.");
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (uri.getHost() == null || (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local))) {
            throw ProblemException.badRequest(
                    "issuer must be an https:// address, such as https://accounts.google.com.");
        }
        String clientId = Fields.required(form.clientId(), "clientId", 300).strip();
        String secret = Fields.optional(form.clientSecret(), "clientSecret", 1000);
        List<String> domains = form.emailDomains() == null ? List.of() : form.emailDomains();
        for (String domain : domains) {
            if (domain == null
                    || !DOMAIN.matcher(domain.strip().toLowerCase(Locale.ROOT)).matches()) {
                throw ProblemException.badRequest("emailDomains holds '" + domain + "', which is not a domain.");
            }
        }
        provider.configure(label, issuer, clientId, secret == null || secret.isBlank() ? null : secret, domains, now());
    }

    private List<IdentityProvider> all() {
        return em.createQuery("select p from IdentityProvider p order by p.label", IdentityProvider.class)
                .getResultList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
