package org.ctoforum.membership.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable: 8 to 128 characters, not one of the 10,000 most common passwords, and not the
 * account's own email. Length counts code points, so any script and emoji are allowed.
 */
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    /** Why the password is refused, in words for the person choosing it; null when it is fine. */
    public String problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "Choose a password.";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "The password is too short: use at least " + MIN_LENGTH + " characters.";
        }
        if (length > MAX_LENGTH) {
            return "The password is too long: use at most " + MAX_LENGTH + " characters.";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return "This password is on a list of commonly used passwords; choose one that is harder to guess.";
        }
        if (email != null
                && (lower.equals(email.toLowerCase(Locale.ROOT))
                        || lower.equals(email.toLowerCase(Locale.ROOT).split("@")[0]))) {
            return "The password must not be your email address.";
        }
        return null;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
