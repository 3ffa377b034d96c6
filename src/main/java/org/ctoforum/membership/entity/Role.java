package org.ctoforum.membership.entity;

/** What an account may do beyond a registered non-member. MEMBER counts only while the membership runs. */
public enum Role {
    ADMIN,
    STAFF,
    MEMBER,
    PRESS
}
