package com.recoverydesk.paging;

import java.util.List;

/** Paging parameters a list cannot serve (a limit out of range, a cursor it never gave out); answered 400 naming each. */
public class InvalidPaging extends RuntimeException {

    private final transient List<Parameter> parameters;

    InvalidPaging(List<Parameter> parameters) {
        super(parameters.size() + " bad paging parameter(s)");
        this.parameters = List.copyOf(parameters);
    }

    InvalidPaging(String parameter, String code, String message) {
        this(List.of(new Parameter(parameter, code, message)));
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** One bad query parameter: its name, a machine code and a sentence. */
    public record Parameter(String name, String code, String message) {
    }
}
