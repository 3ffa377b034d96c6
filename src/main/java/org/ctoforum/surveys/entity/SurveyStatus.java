package org.ctoforum.surveys.entity;

/** A survey's life: written, answered, closed with its districts' profiles frozen, then its figures published. */
public enum SurveyStatus {
    DRAFT,
    OPEN,
    CLOSED,
    PUBLISHED
}
