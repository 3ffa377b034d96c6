package org.ctoforum.forums.entity;

/** The forums meet twice a year. */
public enum Season {
    SPRING,
    SUMMER
}
