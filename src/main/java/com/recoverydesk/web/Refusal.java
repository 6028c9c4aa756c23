package com.recoverydesk.web;

import java.util.List;
import java.util.Map;

/**
 * The problems (application/problem+json) an operation may answer with, for the API description: each with its
 * status, machine code and an example a client can test against. Operations name theirs with {@link Refusals}.
 */
public enum Refusal {
    INVALID_REQUEST(400, "Invalid request", "The request has 1 mistake(s); each is named under 'errors'.",
            Map.of("errors", List.of(Map.of("field", "txHash", "code", "INVALID_TX_HASH",
                    "message", "A transaction ID is 0x followed by 64 hexadecimal characters.")))),
    INVALID_DECISION(400, "Decision refused", "A rejection needs a reason the user can read (decisionReason).", Map.of()),
    UNAUTHENTICATED(401, "Unauthorized", "Sign in first: this needs a user name and password.", Map.of()),
    FORBIDDEN(403, "Forbidden", "Your role does not allow this.", Map.of()),
    NOT_YOUR_DUTY(403, "Not your group's task", "This task is for the appeals group; your groups are [wallet].", Map.of()),
    FOUR_EYES(403, "Not allowed for you",
            "You may not work on this task: who reviewed a case cannot approve its refund, and two approvals need two people.", Map.of()),
    NOT_FOUND(404, "Not Found", "No case 5b0e4c8e-2d0f-4a8e-9b3c-1f2d3e4a5b6c for you.", Map.of()),
    CASE_NOT_FOUND(404, "No such case", "There is no case 5b0e4c8e-2d0f-4a8e-9b3c-1f2d3e4a5b6c for you.", Map.of()),
    TASK_NOT_FOUND(404, "No such task", "There is no open task 8f14e45f-ceea-11ef-9c6b-0242ac120002 for you.", Map.of()),
    CASE_ALREADY_OPEN(409, "Case already open", "You already have an open case for this transaction. Follow that case instead of filing again.",
            Map.of("caseId", "5b0e4c8e-2d0f-4a8e-9b3c-1f2d3e4a5b6c", "case", "/api/v1/cases/5b0e4c8e-2d0f-4a8e-9b3c-1f2d3e4a5b6c")),
    NO_QUESTION_OPEN(409, "Nothing to answer", "This case is not waiting for your answer (it is IN_REVIEW).", Map.of()),
    CANNOT_CANCEL(409, "Too late to withdraw", "A case can be withdrawn until the wallet team takes it up; this one is AWAITING_APPROVAL.", Map.of()),
    TASK_CLAIMED(409, "Task claimed by someone else", "This task is being worked on by sara.", Map.of("assignee", "sara")),
    HELD_BY_ANOTHER_USER(409, "Deposit address not stored", "0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0 is already held by another user.",
            Map.of("field", "userId")),
    CHAIN_UNAVAILABLE(503, "Network not reachable", "We cannot read the token from bsc right now. Try again in a minute.", Map.of());

    final int status;
    final String title;
    final String detail;
    final Map<String, Object> properties;

    Refusal(int status, String title, String detail, Map<String, Object> properties) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.properties = properties;
    }
}
