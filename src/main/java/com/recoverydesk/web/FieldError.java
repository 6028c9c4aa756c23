package com.recoverydesk.web;

/** One bad field of a request: its path ({@code deposits[2].txHash}), a machine code and a sentence. */
public record FieldError(String field, String code, String message) {
}
