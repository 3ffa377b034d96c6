package org.ctoforum.membership.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID Connect authorization code flow with PKCE, done by Nimbus' oauth2-oidc-sdk: discovery from the issuer,
 * the redirect with state and nonce, the code exchange, and the ID token's validation (signature from the JWKS,
 * issuer, audience, expiry, nonce). Discovery documents are kept an hour; Nimbus keeps each provider's keys and
 * fetches them again on an unknown key id. Every call to a provider gives up after 10 seconds.
 */
public final class OpenIdClient {

    static final int TIMEOUT_MILLIS = (int) Duration.ofSeconds(10).toMillis();
    private static final Duration DISCOVERY_KEPT = Duration.ofHours(1);

    /** A provider as the flow needs it. */
    public record Provider(String key, String issuer, String clientId, String clientSecret) {}

    /** What the sign-in keeps in the session between the redirect and the callback. */
    /** {@code linkTo} is the signed-in account that asked to link this provider, or null for a sign-in. */
    public record Pending(String providerKey, String state, String nonce, String verifier, String next, Long linkTo)
            implements Serializable {}

    /** Where to send the browser, and what to keep until it comes back. */
    public record Start(URI redirect, Pending pending) {}

    /** What the provider vouches for: the identity is (issuer, subject). */
    public record Claims(
            String issuer, String subject, String email, boolean emailVerified, String hostedDomain, String name) {}

    /** A refusal whose message the person may read. */
    public static final class SignInRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public SignInRefused(String message) {
            super(message);
        }

        public SignInRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, Instant at) {}

    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
    private final Map<String, IDTokenValidator> validators = new ConcurrentHashMap<>();

    public Start start(Provider provider, URI callback, String next, Long linkTo) throws SignInRefused {
        OIDCProviderMetadata metadata = metadata(provider);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        new Scope("openid", "email", "profile"),
                        new ClientID(provider.clientId()),
                        callback)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(
                redirect,
                new Pending(provider.key(), state.getValue(), nonce.getValue(), verifier.getValue(), next, linkTo));
    }

    /** Checks the callback against what the session kept, exchanges the code, and validates the ID token. */
    public Claims finish(Provider provider, URI callback, URI answered, Pending pending) throws SignInRefused {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(answered);
        } catch (ParseException e) {
            throw new SignInRefused("The provider's answer could not be read.", e);
        }
        if (pending == null
                || response.getState() == null
                || !pending.state().equals(response.getState().getValue())) {
            throw new SignInRefused("This sign-in was not started here, or was already used. Start it again.");
        }
        if (!response.indicatesSuccess()) {
            String error = response.toErrorResponse().getErrorObject().getDescription();
            throw new SignInRefused("The provider refused the sign-in" + (error == null ? "." : ": " + error));
        }
        AuthorizationCode code = ((AuthenticationSuccessResponse) response).getAuthorizationCode();
        OIDCProviderMetadata metadata = metadata(provider);
        TokenRequest request = new TokenRequest(
                metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                new AuthorizationCodeGrant(code, callback, new CodeVerifier(pending.verifier())));
        TokenResponse tokens;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            tokens = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new SignInRefused("The provider did not answer in time; try again in a moment.", e);
        }
        if (!tokens.indicatesSuccess()) {
            String error = tokens.toErrorResponse().getErrorObject().getDescription();
            throw new SignInRefused("The provider refused the code" + (error == null ? "." : ": " + error));
        }
        JWT idToken =
                ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims;
        try {
            claims = validator(provider, metadata).validate(idToken, new Nonce(pending.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInRefused("The provider's identity token is not valid for this portal.", e);
        }
        // Entra sends no email_verified for work accounts; its optional xms_edov says the tenant owns the domain.
        Boolean verified = claims.getBooleanClaim("email_verified");
        boolean vouched = verified != null ? verified : Boolean.TRUE.equals(claims.getBooleanClaim("xms_edov"));
        return new Claims(
                claims.getIssuer().getValue(),
                claims.getSubject().getValue(),
                claims.getStringClaim("email"),
                vouched,
                claims.getStringClaim("hd"),
                claims.getStringClaim("name"));
    }

    /** Forgets what was learnt of a provider, after an admin changed or removed it. */
    public void forget(Provider provider) {
        discovered.remove(provider.issuer());
        validators.keySet().removeIf(key -> key.startsWith(provider.issuer() + " "));
    }

    private OIDCProviderMetadata metadata(Provider provider) throws SignInRefused {
        Discovered known = discovered.get(provider.issuer());
        if (known != null && known.at().plus(DISCOVERY_KEPT).isAfter(Instant.now())) {
            return known.metadata();
        }
        try {
            OIDCProviderMetadata metadata =
                    OIDCProviderMetadata.resolve(new Issuer(provider.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            discovered.put(provider.issuer(), new Discovered(metadata, Instant.now()));
            return metadata;
        } catch (GeneralException | IOException e) {
            throw new SignInRefused("The sign-in provider cannot be reached just now; try again in a moment.", e);
        }
    }

    private IDTokenValidator validator(Provider provider, OIDCProviderMetadata metadata) throws SignInRefused {
        String key = provider.issuer() + " " + provider.clientId();
        IDTokenValidator validator = validators.get(key);
        if (validator == null) {
            try {
                validator = new IDTokenValidator(
                        new Issuer(provider.issuer()),
                        new ClientID(provider.clientId()),
                        JWSAlgorithm.RS256,
                        metadata.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS));
            } catch (MalformedURLException e) {
                throw new SignInRefused("The provider's key address is not valid.", e);
            }
            validators.put(key, validator);
        }
        return validator;
    }
}
