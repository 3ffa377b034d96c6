package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.membership.boundary.IdentityProviders;
import org.ctoforum.platform.web.PageMessages;

/** Admins add, change and remove the providers whose accounts may sign in. */
@Named
@RequestScoped
public class IdentityProvidersPage {

    @Inject
    IdentityProviders providers;

    private String key;
    private String label;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private String emailDomains;
    private List<IdentityProviders.ProviderView> list;

    /** Adds the provider, or changes the one with this key; a blank secret keeps the stored one. */
    public void save() {
        IdentityProviders.ProviderForm form =
                new IdentityProviders.ProviderForm(key, label, issuer, clientId, clientSecret, domains());
        boolean exists = getList().stream().anyMatch(provider -> provider.key().equals(key == null ? "" : key.strip()));
        if (PageMessages.attempt(() -> {
            if (exists) {
                providers.update(key.strip(), form);
            } else {
                providers.create(form);
            }
        })) {
            PageMessages.info((exists ? "Changed " : "Added ") + label + ". Its button is on the sign-in page.");
            key = label = issuer = clientId = clientSecret = emailDomains = null;
            list = null;
        }
        clientSecret = null;
    }

    public void edit(IdentityProviders.ProviderView provider) {
        key = provider.key();
        label = provider.label();
        issuer = provider.issuer();
        clientId = provider.clientId();
        emailDomains = String.join(", ", provider.emailDomains());
    }

    public void remove(String providerKey) {
        if (PageMessages.attempt(() -> providers.delete(providerKey))) {
            PageMessages.info("Removed; its accounts keep their other ways in.");
            list = null;
        }
    }

    public List<IdentityProviders.ProviderView> getList() {
        if (list == null) {
            list = providers.list();
        }
        return list;
    }

    private List<String> domains() {
        return emailDomains == null || emailDomains.isBlank()
                ? List.of()
                : Arrays.stream(emailDomains.split("[,\\s]+"))
                        .filter(domain -> !domain.isBlank())
                        .toList();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getEmailDomains() {
        return emailDomains;
    }

    public void setEmailDomains(String emailDomains) {
        this.emailDomains = emailDomains;
    }
}
