package org.ctoforum.platform.problem;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks of submitted text fields, each failing with a 400 that names the field. Written out rather than as Bean
 * Validation annotations on records, which Payara's OpenAPI generator cannot read.
 */
public final class Fields {

    /** A required field: present, not blank, and at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        return optional(value, field, max);
    }

    /** An optional field: at most {@code max} characters when given. */
    public static String optional(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ProblemException.badRequest(field + " is longer than " + max + " characters.");
        }
        return value;
    }

    /** An enum constant by its name in any case; blank gives the fallback, anything else a 400 listing the choices. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, E fallback, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private Fields() {}
}
