package com.recoverydesk.identity;

import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Sign-in through the identity provider is on, but settings it needs are missing; names each with its variable. */
public class MissingOidcSettings extends RuntimeException {

    private final transient List<String> settings;

    MissingOidcSettings(List<String> settings) {
        super("recovery.oidc.enabled is true, but these settings are missing: " + String.join(", ", settings));
        this.settings = List.copyOf(settings);
    }

    public List<String> settings() {
        return settings;
    }

    /** One plain start-up message instead of a stack trace (registered in META-INF/spring.factories). */
    public static class Analyzer extends AbstractFailureAnalyzer<MissingOidcSettings> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MissingOidcSettings cause) {
            return new FailureAnalysis("Sign-in through the identity provider is not configured: " + cause.getMessage(),
                    "Set " + String.join(", ", cause.settings()) + " (docs/operations.md, 'Identity provider'), or set recovery.oidc.enabled=false "
                            + "outside production.", cause);
        }
    }
}
