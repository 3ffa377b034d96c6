package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An OpenID Connect provider admins configure: a district's Google Workspace, one Microsoft Entra tenant, or any
 * issuer. When {@code emailDomains} is set, only addresses in those domains may sign in through it.
 */
@Entity
@Table(name = "identity_provider")
public class IdentityProvider {

    @Id
    @Column(name = "provider_key")
    private String key;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String issuer;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "client_secret", nullable = false)
    private String clientSecret;

    /** Comma-separated, lower case; empty allows every domain. */
    @Column(name = "email_domains", nullable = false)
    private String emailDomains = "";

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected IdentityProvider() {}

    public IdentityProvider(String key, OffsetDateTime now) {
        this.key = key;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void configure(
            String label,
            String issuer,
            String clientId,
            String clientSecret,
            List<String> domains,
            OffsetDateTime now) {
        this.label = label;
        this.issuer = issuer;
        this.clientId = clientId;
        if (clientSecret != null) {
            this.clientSecret = clientSecret;
        }
        this.emailDomains = String.join(
                ",",
                domains.stream()
                        .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                        .toList());
        this.updatedAt = now;
    }

    /** Whether the address may sign in through this provider. */
    public boolean allows(String email) {
        List<String> domains = getEmailDomains();
        if (domains.isEmpty()) {
            return true;
        }
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    public List<String> getEmailDomains() {
        return emailDomains.isBlank() ? List.of() : Arrays.asList(emailDomains.split(","));
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
