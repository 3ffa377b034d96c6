package org.ctoforum.discussions.entity;

/** Who may read a category. Writing always takes a membership (or staff). */
public enum Visibility {
    MEMBERS,
    SIGNED_IN,
    PUBLIC
}
