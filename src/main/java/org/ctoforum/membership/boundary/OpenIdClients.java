package org.ctoforum.membership.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.ctoforum.membership.control.OpenIdClient;
import org.ctoforum.membership.entity.IdentityProvider;

/** The one OpenID Connect client of this node, so that discovery documents and provider keys are kept between sign-ins. */
@ApplicationScoped
public class OpenIdClients {

    private final OpenIdClient client = new OpenIdClient();

    public OpenIdClient client() {
        return client;
    }

    public OpenIdClient.Provider of(IdentityProvider provider) {
        return new OpenIdClient.Provider(
                provider.getKey(), provider.getIssuer(), provider.getClientId(), provider.getClientSecret());
    }
}
