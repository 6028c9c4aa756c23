package com.recoverydesk.wallet;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One plain start-up message for bad wallet settings, naming every one of them. */
public class InvalidWalletSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWalletSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidWalletSetting cause) {
        return new FailureAnalysis("The wallet is not configured: " + cause.getMessage(),
                "Set " + String.join(", ", cause.settings()) + " (see README, 'Point it at real infrastructure').", cause);
    }
}
