package com.recoverydesk.cases;

/** Where a case stands, as the user sees it. */
public enum CaseStatus {
    SUBMITTED(true),
    VERIFYING(true),
    IN_REVIEW(true),
    INFO_REQUESTED(true),
    AWAITING_APPROVAL(true),
    REFUNDING(true),
    COMPLETED(false),
    REJECTED(false),
    CLOSED_NO_REPLY(false),
    CANCELLED(false);

    private final boolean open;

    CaseStatus(boolean open) {
        this.open = open;
    }

    /** An open case can still change; a closed one is final. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Whether a case in this status holds its deposit. A completed case keeps it forever (it was paid); a
     * rejected, cancelled or closed one releases it, so a false claim never blocks the owner's own claim.
     */
    public boolean holdsDeposit() {
        return open || this == COMPLETED;
    }
}
