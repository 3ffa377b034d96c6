package org.ctoforum.platform.problem;

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

    private Fields() {}
}
