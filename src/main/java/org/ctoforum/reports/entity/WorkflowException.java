package org.ctoforum.reports.entity;

/** A workflow step the report's state or the actor does not allow; the boundary turns the reason into a status. */
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The step does not start from the report's current status. */
        NOT_ALLOWED,
        /** Publishing needs a second pair of eyes: the author may not publish their own report. */
        OWN_REPORT,
        /** A release moment that has already passed. */
        IN_THE_PAST,
        /** Nothing to publish yet: no file and no sections. */
        EMPTY
    }

    private final Reason reason;

    public WorkflowException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
