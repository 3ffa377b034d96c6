package org.ctoforum.surveys.entity;

/** How a question is answered; the numeric types are summarized by quartiles, the rest by a distribution. */
public enum QuestionType {
    SINGLE,
    MULTI,
    NUMBER,
    CURRENCY,
    PERCENT,
    SCALE,
    TEXT;

    public boolean numeric() {
        return this == NUMBER || this == CURRENCY || this == PERCENT;
    }

    public boolean distributed() {
        return this == SINGLE || this == MULTI || this == SCALE;
    }
}
