package com.recoverydesk.wallet;

import org.springframework.stereotype.Component;

/** Where recovery fees are paid to. */
@Component
public class FeeTreasury {

    private final String address;

    FeeTreasury(WalletProperties wallet) {
        WalletSettings.check(wallet);
        this.address = WalletSettings.trimmed(wallet.feeTreasuryAddress());
    }

    public String address() {
        return address;
    }
}
