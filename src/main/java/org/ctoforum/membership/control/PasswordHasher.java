package org.ctoforum.membership.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations, a 16-byte salt and a 32-byte key: OWASP ASVS 5.0 Appendix C. Stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} (Base64), so a later raise of the cost can tell old hashes apart.
 */
public class PasswordHasher {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the account does not exist, so a wrong email costs as long as a wrong password. */
    private static final String DUMMY = new PasswordHasher().hash("not-a-real-password".toCharArray());

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /** Compares in constant time; an unknown or damaged hash never matches, but costs the same. */
    public boolean verify(char[] password, String stored) {
        Parsed parsed = Parsed.of(stored);
        boolean known = parsed != null;
        if (!known) {
            parsed = Parsed.of(DUMMY);
        }
        boolean matches = MessageDigest.isEqual(derive(password, parsed.salt, parsed.iterations), parsed.hash);
        return known && matches;
    }

    /** True when the hash is weaker than today's parameters and should be replaced at the next sign-in. */
    public boolean needsRehash(String stored) {
        Parsed parsed = Parsed.of(stored);
        return parsed == null || parsed.iterations < ITERATIONS || parsed.hash.length * 8 < KEY_BITS;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** The parts of a stored hash; public so audits can check the parameters. */
    public record Parsed(int iterations, byte[] salt, byte[] hash) {
        public static Parsed of(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                return null;
            }
            try {
                Base64.Decoder base64 = Base64.getDecoder();
                return new Parsed(Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
