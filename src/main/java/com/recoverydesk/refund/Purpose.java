package com.recoverydesk.refund;

/** Why a refund transaction exists. */
public enum Purpose {
    /** Native coin from the gas station, so the deposit address can pay for its transfers. */
    GAS_TOP_UP,
    /** Amount minus fee, to the user's refund address. */
    REFUND,
    /** The fee, to the fee treasury. */
    FEE,
    /** What the case's gas top-ups left on the deposit address after a token refund, back to the gas station. */
    SWEEP
}
