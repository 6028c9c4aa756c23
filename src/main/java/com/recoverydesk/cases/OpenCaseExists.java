package com.recoverydesk.cases;

/** The customer already has an open case for this chain and TXID. */
public class OpenCaseExists extends RuntimeException {

    private final String existingCaseId;

    public OpenCaseExists(String existingCaseId) {
        super("You already have an open case for this transaction: " + existingCaseId);
        this.existingCaseId = existingCaseId;
    }

    public String existingCaseId() {
        return existingCaseId;
    }
}
