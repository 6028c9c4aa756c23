/**
 * Deposit verification: the shared BPMN call activity {@code depositVerification} and the unlisted-token
 * assessment. Reads the chain itself (one JSON-RPC batch per read), interprets what it says for the case,
 * and applies the eligibility rules, rejecting with a reason code where they fail.
 */
package com.recoverydesk.verification;
