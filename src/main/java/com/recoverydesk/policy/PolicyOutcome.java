package com.recoverydesk.policy;

/**
 * What the table said ({@code decision}: AUTO_APPROVE, REVIEW or REJECT; {@code reasonCode} with REJECT; the readable
 * {@code rule}) and which version of the table said it.
 */
record PolicyOutcome(String decision, String reasonCode, String rule, Integer tableVersion) {

    static final String AUTO_APPROVE = "AUTO_APPROVE";
    static final String REVIEW = "REVIEW";
    static final String REJECT = "REJECT";
}
