package com.recoverydesk.approval;

/** What a wallet team member decides about a refund. */
public enum ApprovalDecision {
    APPROVE,
    REJECT
}
