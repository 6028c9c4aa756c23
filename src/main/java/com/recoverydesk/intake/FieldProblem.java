package com.recoverydesk.intake;

/** One bad field of the form: its name, a machine code and a sentence. */
record FieldProblem(String field, String code, String message) {
}
