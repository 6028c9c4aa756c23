package com.recoverydesk.wallet;

import com.recoverydesk.chain.EvmAddress;
import org.springframework.stereotype.Component;

/** Where recovery fees are paid to. */
@Component
public class FeeTreasury {

    private final String address;

    FeeTreasury(WalletProperties wallet) {
        String value = wallet.feeTreasuryAddress() == null ? "" : wallet.feeTreasuryAddress().trim();
        if (value.isEmpty()) {
            throw new InvalidWalletSetting("recovery.wallet.fee-treasury-address", "RECOVERY_WALLET_FEE_TREASURY_ADDRESS", "is not set");
        }
        if (!EvmAddress.isChecksummed(value)) {
            throw new InvalidWalletSetting("recovery.wallet.fee-treasury-address", "RECOVERY_WALLET_FEE_TREASURY_ADDRESS",
                    "'" + value + "' is not an EIP-55 checksummed address");
        }
        this.address = value;
    }

    public String address() {
        return address;
    }
}
