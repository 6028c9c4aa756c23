package com.recoverydesk.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys and addresses of the exchange's wallet. Checked all at once by {@link WalletSettings} when the first
 * bean that uses them is built, not by bean validation, whose start-up report would print the rejected
 * value — a secret.
 */
@ConfigurationProperties("recovery.wallet")
public record WalletProperties(String depositMnemonic, String gasStationPrivateKey, String feeTreasuryAddress) {

    @Override
    public String toString() {
        return "WalletProperties[depositMnemonic=<secret>, gasStationPrivateKey=<secret>, feeTreasuryAddress=" + feeTreasuryAddress + "]";
    }
}
