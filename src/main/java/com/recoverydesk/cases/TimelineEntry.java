package com.recoverydesk.cases;

import java.time.Instant;

/** One line of a case's audit trail: who did what, when, and why. */
public record TimelineEntry(Instant at, String actor, String event, CaseStatus status, ReasonCode reasonCode, String message) {
}
