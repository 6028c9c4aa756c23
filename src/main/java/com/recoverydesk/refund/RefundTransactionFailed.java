package com.recoverydesk.refund;

/** A refund transaction was mined but reverted: an operator must look before anything else is sent. */
class RefundTransactionFailed extends RuntimeException {

    RefundTransactionFailed(RefundTransaction tx) {
        super(tx.purpose() + " transaction " + tx.hash() + " of case " + tx.caseId() + " reverted on " + tx.chain()
                + ": nothing more is sent for this case until an operator has looked at it");
    }
}
