package com.recoverydesk.wallet;

/** What registering a deposit address did: stored it anew, added chains or an account index to it, or nothing. */
enum Registered {
    ADDED, UPDATED, UNCHANGED
}
