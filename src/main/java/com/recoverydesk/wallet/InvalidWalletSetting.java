package com.recoverydesk.wallet;

/** A wallet setting is missing or wrong. The message names the setting, never its (secret) value. */
public class InvalidWalletSetting extends RuntimeException {

    private final String setting;

    InvalidWalletSetting(String setting, String environmentVariable, String problem) {
        super(setting + " (" + environmentVariable + ") " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
