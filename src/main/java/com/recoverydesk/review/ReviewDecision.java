package com.recoverydesk.review;

/** What an appeals specialist decides. */
public enum ReviewDecision {
    APPROVE,
    REJECT,
    REQUEST_INFO
}
