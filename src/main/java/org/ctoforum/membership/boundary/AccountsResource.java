package org.ctoforum.membership.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.rest.OpenTo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-service: sign up and reset a forgotten password, without being signed in. */
@OpenTo(OpenTo.ANYONE)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Sign-up and password reset")
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    PasswordResets resets;

    @Inject
    AddressConfirmations confirmations;

    @POST
    @Path("accounts")
    @Operation(
            operationId = "signUp",
            summary = "Sign up as a registered non-member: {email, displayName, district, jobTitle, password}; answers"
                    + " 202 whether or not the address has an account, and mails its owner a confirmation link or a"
                    + " note that it has one")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response signUp(Accounts.SignUpForm form) {
        accounts.signUp(form);
        return Response.accepted(Json.createObjectBuilder()
                        .add("status", "check your mail")
                        .add(
                                "detail",
                                "We sent a mail to the address. Follow its link to confirm the address; until then the"
                                        + " account can sign in only to have the mail sent again.")
                        .build())
                .build();
    }

    @POST
    @Path("accounts/confirmations")
    @Operation(
            operationId = "confirmAddress",
            summary = "Confirm an address with the mailed {token}: a new account's, or the address it moves to")
    public AddressConfirmations.Confirmed confirm(JsonObject body) {
        return confirmations.confirm(body == null ? null : body.getString("token", null));
    }

    @POST
    @Path("password-resets")
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Mail a one-time reset link to {email}; answers 202 whether or not the account exists")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response requestReset(JsonObject body) {
        resets.request(body == null ? null : body.getString("email", null));
        return Response.accepted().build();
    }

    @POST
    @Path("password-resets/confirm")
    @Operation(operationId = "resetPassword", summary = "Choose a new password with the mailed {token, password}")
    @APIResponse(responseCode = "204", description = "Done; no content")
    public Response reset(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {token, password}.");
        }
        resets.reset(body.getString("token", null), body.getString("password", null));
        return Response.noContent().build();
    }
}
