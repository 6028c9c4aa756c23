package com.recoverydesk.web;

import java.util.List;

/** A request with bad fields; answered 400 with one entry per field, and nothing is stored. */
public class InvalidRequest extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.size() + " bad field(s)");
        this.errors = List.copyOf(errors);
    }

    /** A request with one bad field, e.g. {@code InvalidRequest.of("deposits", "TOO_MANY", "Send at most 1000 deposits.")}. */
    public static InvalidRequest of(String field, String code, String message) {
        return new InvalidRequest(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
