package com.recoverydesk.follow;

/**
 * A refund's transactions were not confirmed within {@code recovery.follow.refund-max-wait}. Thrown by the step its
 * bounded wait leads to, whose job has no retries left after it: an incident in Cockpit, with this sentence, for an
 * operator to look at the case's transactions. Retrying the job looks again, and lets the refund go on once they are
 * confirmed.
 */
class RefundOverdue extends RuntimeException {

    final String caseId;

    RefundOverdue(String caseId, String chain, String why) {
        super("The refund of case " + caseId + " is not confirmed on " + chain + " within recovery.follow.refund-max-wait: " + why
                + ". Look at the case's transactions on the chain's explorer; retry this job once they are confirmed.");
        this.caseId = caseId;
    }
}
