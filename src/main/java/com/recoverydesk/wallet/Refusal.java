package com.recoverydesk.wallet;

import org.springframework.http.HttpStatus;

/** Why a deposit address was not stored: a machine code, the HTTP status of a single upsert, and the field at fault. */
enum Refusal {

    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "body"),
    LINE_TOO_LONG(HttpStatus.BAD_REQUEST, "body"),
    INVALID_USER_ID(HttpStatus.BAD_REQUEST, "userId"),
    INVALID_ADDRESS(HttpStatus.BAD_REQUEST, "address"),
    BAD_CHECKSUM(HttpStatus.BAD_REQUEST, "address"),
    NO_CHAINS(HttpStatus.BAD_REQUEST, "chains"),
    UNKNOWN_CHAIN(HttpStatus.BAD_REQUEST, "chains"),
    INVALID_ACCOUNT_INDEX(HttpStatus.BAD_REQUEST, "accountIndex"),
    ACCOUNT_INDEX_MISMATCH(HttpStatus.BAD_REQUEST, "accountIndex"),
    HELD_BY_ANOTHER_USER(HttpStatus.CONFLICT, "userId"),
    ACCOUNT_INDEX_TAKEN(HttpStatus.CONFLICT, "accountIndex");

    private final HttpStatus status;
    private final String field;

    Refusal(HttpStatus status, String field) {
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    /** The refusal with its sentence for this line or request. */
    Refused because(String message) {
        return new Refused(this, message);
    }

    record Refused(Refusal reason, String message) {
    }
}
