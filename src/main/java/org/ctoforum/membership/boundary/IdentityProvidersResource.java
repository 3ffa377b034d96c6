package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ctoforum.platform.rest.OpenTo;
import org.ctoforum.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins configure the OpenID Connect providers whose accounts may sign in. */
@OpenTo(Role.Names.ADMIN)
@Path("admin/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity providers", description = "Sign-in with Google Workspace, Microsoft Entra or any OpenID issuer")
public class IdentityProvidersResource {

    @Inject
    IdentityProviders providers;

    @GET
    @Operation(operationId = "listIdentityProviders", summary = "The providers, without their secrets")
    public List<IdentityProviders.ProviderView> list() {
        return providers.list();
    }

    @POST
    @Operation(
            operationId = "addIdentityProvider",
            summary = "Add a provider {key, label, issuer, clientId, clientSecret, emailDomains: []}")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(IdentityProviders.ProviderForm form, @Context UriInfo uri) {
        IdentityProviders.ProviderView created = providers.create(form);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("{key}")
    @Operation(
            operationId = "updateIdentityProvider",
            summary = "Change a provider; a left-out clientSecret keeps the stored one")
    public IdentityProviders.ProviderView update(@PathParam("key") String key, IdentityProviders.ProviderForm form) {
        return providers.update(key, form);
    }

    @DELETE
    @Path("{key}")
    @Operation(
            operationId = "removeIdentityProvider",
            summary = "Remove a provider; accounts linked through it keep their other ways in")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@PathParam("key") String key) {
        providers.delete(key);
        return Response.noContent().build();
    }
}
