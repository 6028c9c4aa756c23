package com.recoverydesk.wallet;

import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** The account that pays gas for refunds from deposit addresses that hold no native coin. */
@Component
public class GasStation {

    private final Credentials credentials;

    GasStation(WalletProperties wallet) {
        WalletSettings.check(wallet);
        this.credentials = Credentials.create(WalletSettings.trimmed(wallet.gasStationPrivateKey()));
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
