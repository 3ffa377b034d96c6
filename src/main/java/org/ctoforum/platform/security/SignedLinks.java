package org.ctoforum.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that prove the portal wrote them, for links that act without a sign-in (unsubscribe). HMAC-SHA256 over the
 * payload, with a key made once and kept in the database, so every node of a cluster agrees on it.
 */
@ApplicationScoped
@Transactional // the first use may have to store the key
public class SignedLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private volatile byte[] key;

    /** The payload and its signature, URL-safe. The payload is readable: never put a secret in it. */
    public String sign(String payload) {
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac(data));
    }

    /**
     * A secret only this portal can make from {@code payload}, and make again from it: 256 bits, URL-safe. Unlike
     * {@link #sign}, it does not show the payload.
     */
    public String secretFor(String payload) {
        return ENCODER.encodeToString(mac(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** The payload of a token this portal signed; empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(mac(data), signature)
                    ? Optional.of(new String(data, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            key = loadOrCreate();
        }
        return key;
    }

    private byte[] loadOrCreate() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        em.createNativeQuery("insert into signing_key (name, secret, created_at) values ('links', ?, ?)"
                        + " on conflict (name) do nothing")
                .setParameter(1, fresh)
                .setParameter(2, OffsetDateTime.now(clock))
                .executeUpdate();
        return (byte[]) em.createNativeQuery("select secret from signing_key where name = 'links'")
                .getSingleResult();
    }
}
