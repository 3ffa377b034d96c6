package org.ctoforum.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An OpenID Connect provider that answers the code exchange with a bad ID token of the test's choosing: for another
 * audience, expired, signed by a key its JWKS does not publish, with another attempt's nonce, or too late. Discovery, keys and the authorization step are
 * real protocol; only the token is wrong, so a refusal shows the portal's validation, not a broken exchange.
 */
public final class HostileProvider implements AutoCloseable {

    /** What is wrong with the ID token it issues. */
    public enum Fault {
        ANOTHER_AUDIENCE,
        EXPIRED,
        UNKNOWN_KEY,
        /** The nonce of another attempt. */
        WRONG_NONCE,
        /** Answers the code exchange only after 12 s, beyond the portal's 10 s. */
        SLOW
    }

    private final HttpServer server;
    private final RSAKey published;
    private final RSAKey stranger;
    private final String clientId;
    private final Map<String, String> nonces = new HashMap<>();
    private volatile Fault fault = Fault.EXPIRED;

    public HostileProvider(String clientId) throws IOException, JOSEException {
        this.clientId = clientId;
        this.published = new RSAKeyGenerator(2048).keyID("published").generate();
        this.stranger = new RSAKeyGenerator(2048).keyID("never-published").generate();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext(
                "/.well-known/openid-configuration",
                exchange -> json(
                        exchange,
                        "{\"issuer\":\""
                                + issuer() + "\",\"authorization_endpoint\":\"" + issuer()
                                + "/authorize\",\"token_endpoint\":\""
                                + issuer() + "/token\",\"jwks_uri\":\"" + issuer()
                                + "/jwks\",\"response_types_supported\":[\"code\"],"
                                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(published.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void fault(Fault fault) {
        this.fault = fault;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        synchronized (nonces) {
            nonces.put(code, query.get("nonce"));
        }
        exchange.getResponseHeaders()
                .add("Location", query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce;
        synchronized (nonces) {
            nonce = nonces.remove(form.get("code"));
        }
        try {
            if (fault == Fault.SLOW) {
                Thread.sleep(12_000);
            }
            boolean expired = fault == Fault.EXPIRED;
            long now = System.currentTimeMillis();
            RSAKey key = fault == Fault.UNKNOWN_KEY ? stranger : published;
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer(issuer())
                            .audience(fault == Fault.ANOTHER_AUDIENCE ? "another-client" : clientId)
                            .subject(UUID.randomUUID().toString())
                            .issueTime(new Date(expired ? now - 7_200_000 : now))
                            .expirationTime(new Date(expired ? now - 3_600_000 : now + 3_600_000))
                            .claim("nonce", fault == Fault.WRONG_NONCE ? "another attempt's nonce" : nonce)
                            .claim(
                                    "email",
                                    "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@district.example")
                            .claim("email_verified", true)
                            .build());
            token.sign(new RSASSASigner(key));
            json(
                    exchange,
                    "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\""
                            + token.serialize() + "\"}");
        } catch (JOSEException e) {
            throw new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
