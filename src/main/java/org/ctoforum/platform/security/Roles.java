package org.ctoforum.platform.security;

/** The role names the container knows, as constants for annotations. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String STAFF = "STAFF";
    public static final String MEMBER = "MEMBER";
    public static final String PRESS = "PRESS";

    private Roles() {}
}
