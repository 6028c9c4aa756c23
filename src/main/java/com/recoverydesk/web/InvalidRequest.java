package com.recoverydesk.web;

import java.util.List;

/** A request with bad fields; answered 400 with one entry per field, and nothing is stored. */
public class InvalidRequest extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.size() + " bad field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
