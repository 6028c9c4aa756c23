package com.recoverydesk.process;

/** The engine refused a person's work on a task; {@link #reason()} says which rule, the message says why. */
public class TaskRefused extends RuntimeException {

    /**
     * NOT_YOUR_DUTY: the task belongs to another group (separation of duties); FOUR_EYES: the person may not work on
     * this task; INVALID_DECISION: a listener refused the decision.
     */
    public enum Reason { NOT_YOUR_DUTY, FOUR_EYES, INVALID_DECISION }

    private final Reason reason;

    TaskRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
