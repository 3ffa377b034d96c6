package org.ctoforum.membership.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased, so that one person cannot hold two accounts by changing case. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        if (value == null || !SHAPE.matcher(value).matches() || value.length() > 254) {
            throw new IllegalArgumentException("'" + value + "' is not an email address");
        }
    }

    /** Normalizes, or answers null when the text is not an address. */
    public static EmailAddress parse(String raw) {
        if (raw == null) {
            return null;
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        return SHAPE.matcher(normalized).matches() && normalized.length() <= 254 ? new EmailAddress(normalized) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
