package com.recoverydesk.verification;

import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.eligibility.Ineligibility;

/** What a read of the chain means for the case. */
sealed interface DepositReading {

    /** Mined, successful, transferring to the deposit address, and final enough. */
    record Confirmed(DepositFacts facts) implements DepositReading {
    }

    /** Unknown to the node or short of confirmations: read again later. */
    record Waiting(String why) implements DepositReading {
    }

    record Ineligible(Ineligibility why) implements DepositReading {
    }
}
