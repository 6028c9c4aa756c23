package com.recoverydesk.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business refusal with a machine code and a sentence for a person, e.g. a 409 for a case already open.
 * {@code properties} are added to the problem (ids the caller may follow).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final transient Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ApiProblem(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
