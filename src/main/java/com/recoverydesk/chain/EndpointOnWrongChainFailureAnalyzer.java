package com.recoverydesk.chain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an endpoint on the wrong chain into one plain start-up message instead of a stack trace. */
public class EndpointOnWrongChainFailureAnalyzer extends AbstractFailureAnalyzer<EndpointOnWrongChain> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EndpointOnWrongChain cause) {
        return new FailureAnalysis("A chain endpoint is on the wrong network: " + cause.getMessage(),
                "Point " + cause.setting() + " (or the single rpc-url, or the environment variable chains.yml reads it from)"
                        + " at a node of that chain, or remove it; see recovery.chains-file (RECOVERY_CHAINS_FILE).",
                cause);
    }
}
