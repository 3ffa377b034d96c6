package org.ctoforum.platform.security;

/** What an account may do beyond a registered non-member. MEMBER counts only while the membership runs. */
public enum Role {
    ADMIN,
    STAFF,
    MEMBER,
    PRESS;

    /** The same roles as constants, for annotations such as {@code @RolesAllowed} that cannot take an enum. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String STAFF = "STAFF";
        public static final String MEMBER = "MEMBER";
        public static final String PRESS = "PRESS";

        private Names() {}
    }
}
