package com.recoverydesk.wallet;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** The account that pays gas for refunds from deposit addresses that hold no native coin. */
@Component
public class GasStation {

    private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    private final Credentials credentials;

    GasStation(WalletProperties wallet) {
        String key = wallet.gasStationPrivateKey() == null ? "" : wallet.gasStationPrivateKey().trim();
        if (key.isEmpty()) {
            throw new InvalidWalletSetting("recovery.wallet.gas-station-private-key", "RECOVERY_WALLET_GAS_STATION_PRIVATE_KEY", "is not set");
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidWalletSetting("recovery.wallet.gas-station-private-key", "RECOVERY_WALLET_GAS_STATION_PRIVATE_KEY",
                    "is not a private key (32 bytes as 64 hexadecimal characters)");
        }
        this.credentials = Credentials.create(key);
    }

    public String address() {
        return Keys.toChecksumAddress(credentials.getAddress());
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "GasStation[" + address() + "]";
    }
}
