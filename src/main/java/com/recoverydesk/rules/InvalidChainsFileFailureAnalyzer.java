package com.recoverydesk.rules;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad chains.yml into one plain start-up message instead of a stack trace. */
public class InvalidChainsFileFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChainsFile> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidChainsFile cause) {
        return new FailureAnalysis(
                "chains.yml is invalid: " + cause.getMessage(),
                "Correct " + (cause.keyPath().isEmpty() ? "the file" : "the key '" + cause.keyPath() + "'") + " in "
                        + cause.file() + ", or point recovery.chains-file (RECOVERY_CHAINS_FILE) at a valid file.",
                cause);
    }
}
