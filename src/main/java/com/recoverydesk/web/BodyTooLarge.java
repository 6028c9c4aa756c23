package com.recoverydesk.web;

/** A request body over the API's limit. */
class BodyTooLarge extends RuntimeException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
