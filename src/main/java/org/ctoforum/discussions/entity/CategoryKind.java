package org.ctoforum.discussions.entity;

/** The "undiscussables" the forums named, the challenge areas, and anything else. */
public enum CategoryKind {
    UNDISCUSSABLE,
    CHALLENGE,
    GENERAL
}
