package com.recoverydesk.wallet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more wallet settings are missing or wrong. The message names each setting and its environment
 * variable, never a secret value.
 */
public class InvalidWalletSetting extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidWalletSetting(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The first bad setting, e.g. {@code recovery.wallet.deposit-mnemonic}. */
    public String setting() {
        return problems.get(0).setting();
    }

    /** Every bad setting, in the order of the documentation. */
    public List<String> settings() {
        return problems.stream().map(Problem::setting).toList();
    }

    /** One bad setting; {@code what} says what is wrong without quoting a secret. */
    record Problem(String setting, String environmentVariable, String what) {

        @Override
        public String toString() {
            return setting + " (" + environmentVariable + ") " + what;
        }
    }
}
