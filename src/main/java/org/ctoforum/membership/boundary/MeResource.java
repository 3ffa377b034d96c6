package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: profile, password and API tokens. */
@OpenTo(OpenTo.SIGNED_IN)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller's own account")
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    AddressConfirmations confirmations;

    @Inject
    SingleSignOn singleSignOn;

    @GET
    @Path("identities")
    @Operation(
            operationId = "listIdentities",
            summary = "The caller's sign-in identities at providers (Google, Microsoft, …)")
    public List<SingleSignOn.IdentityView> identities() {
        return singleSignOn.mine();
    }

    @DELETE
    @Path("identities/{id}")
    @Operation(
            operationId = "unlinkIdentity",
            summary = "Unlink one of the caller's identities, as long as another way in is left")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response unlink(@PathParam("id") long id) {
        singleSignOn.unlink(id);
        return Response.noContent().build();
    }

    @GET
    @OpenTo(OpenTo.ACCOUNT)
    @Operation(
            operationId = "getMe",
            summary = "The caller's email, display name, roles in effect, and whether the address is confirmed")
    public AccountView me() {
        return accounts.me();
    }

    @POST
    @Path("confirmation")
    @OpenTo(OpenTo.ACCOUNT)
    @Operation(
            operationId = "resendConfirmation",
            summary = "Mail the link that confirms the caller's address again; once a minute at most")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response resendConfirmation() {
        confirmations.resend();
        return Response.accepted().build();
    }

    @PUT
    @Path("email")
    @Operation(
            operationId = "changeEmail",
            summary = "Move to a new address {email, currentPassword}: a link goes to the new address and the current"
                    + " one is told; the account moves when the link is followed")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response changeEmail(Accounts.AddressChange change) {
        accounts.requestAddressChange(change);
        return Response.accepted().build();
    }

    @PUT
    @Operation(operationId = "updateProfile", summary = "Change display name, district and job title")
    public AccountView updateProfile(Accounts.ProfileForm form) {
        if (form == null) {
            throw ProblemException.badRequest("Send {displayName, district, jobTitle}.");
        }
        return accounts.updateProfile(form);
    }

    @PUT
    @Path("password")
    @Operation(
            operationId = "changePassword",
            summary = "Change the password, giving the current one; signOutEverywhere (default true) also ends other"
                    + " sessions and revokes API tokens, download links and the calendar address")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response changePassword(Accounts.PasswordChange change) {
        if (change == null) {
            throw ProblemException.badRequest("Send {currentPassword, newPassword, signOutEverywhere}.");
        }
        accounts.changePassword(change);
        return Response.noContent().build();
    }

    @GET
    @Path("tokens")
    @Operation(operationId = "listTokens", summary = "The caller's API tokens, without their secrets")
    public List<ApiTokens.TokenView> tokens() {
        return tokens.mine();
    }

    @POST
    @Path("tokens")
    @Operation(
            operationId = "createToken",
            summary = "Create an API token; the answer holds the secret, shown only this once")
    @APIResponse(responseCode = "201", description = "Created")
    public Response createToken(JsonObject body) {
        ApiTokens.CreatedToken created = tokens.create(body == null ? null : body.getString("name", null));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("tokens/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke one of the caller's tokens")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
