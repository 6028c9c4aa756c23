package com.recoverydesk.cases;

/** The two mistakes Recovery Desk exists to undo. */
public enum CaseType {
    /** A deposit sent over a chain the deposit address was not issued for. */
    WRONG_NETWORK,
    /** A token the exchange does not list, sent to a deposit address on the right chain. */
    UNLISTED_TOKEN
}
