package com.recoverydesk.rules;

/** Where a refund may be sent. */
public enum RefundTo {
    /** The address the user names in the form. */
    ANY,
    /** Only back to the address the deposit came from. */
    SENDER
}
