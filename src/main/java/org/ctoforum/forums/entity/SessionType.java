package org.ctoforum.forums.entity;

public enum SessionType {
    KEYNOTE,
    ROUNDTABLE,
    WORKSHOP,
    /** A small circle on a topic CTOs find hard to raise at home. */
    UNDISCUSSABLES_CIRCLE
}
