package com.recoverydesk.rules;

/** Whether the exchange can move funds that arrived at a deposit address over a chain. */
public enum RecoveryMode {
    /** The exchange's deposit key controls the address on this chain. */
    DIRECT,
    /** Recoverable, but a specialist must confirm the chain's conditions first. */
    CONDITIONAL,
    /** Cases on this chain are rejected automatically. */
    UNSUPPORTED
}
