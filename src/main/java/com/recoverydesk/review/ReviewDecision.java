package com.recoverydesk.review;

import com.recoverydesk.cases.ReasonCode;
import java.util.List;

/** What an appeals specialist decides. */
public enum ReviewDecision {
    APPROVE,
    REJECT,
    REQUEST_INFO;

    /** The reason codes a specialist may reject with; REJECTED_BY_REVIEW when none is given. */
    public static final List<ReasonCode> REJECTION_CODES = List.of(ReasonCode.REJECTED_BY_REVIEW, ReasonCode.SENDER_IS_A_CONTRACT,
            ReasonCode.CONDITION_NOT_MET);
}
