package org.ctoforum.forums.entity;

public enum Format {
    IN_PERSON,
    VIRTUAL,
    HYBRID
}
