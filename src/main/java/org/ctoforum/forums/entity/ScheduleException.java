package org.ctoforum.forums.entity;

/** A schedule rule an edition or session would break, in words staff can act on. */
public class ScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ScheduleException(String message) {
        super(message);
    }
}
