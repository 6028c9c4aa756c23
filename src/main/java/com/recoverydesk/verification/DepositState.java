package com.recoverydesk.verification;

/** What the deposit-verification gateway decides on after a read of the chain. */
enum DepositState {
    CONFIRMED,
    WAITING,
    INELIGIBLE
}
