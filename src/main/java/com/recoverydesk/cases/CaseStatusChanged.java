package com.recoverydesk.cases;

/**
 * Published inside the transaction of every status change, so listeners (notifications) write their part in
 * the same transaction: a change and what follows from it commit together or not at all.
 */
public record CaseStatusChanged(String caseId, CaseStatus status, ReasonCode reason, String message) {
}
