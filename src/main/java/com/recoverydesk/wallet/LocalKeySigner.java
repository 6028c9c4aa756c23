package com.recoverydesk.wallet;

import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.TransactionType;
import org.web3j.utils.Numeric;

/** Signs with the HD deposit keys and the gas station key of the configuration (development and tests). */
@Component
class LocalKeySigner implements Signer {

    private final DepositKeys keys;
    private final GasStation gasStation;
    private final DepositAddressDirectory directory;

    LocalKeySigner(DepositKeys keys, GasStation gasStation, DepositAddressDirectory directory) {
        this.keys = keys;
        this.gasStation = gasStation;
        this.directory = directory;
    }

    @Override
    public String sign(String from, RawTransaction transaction, long chainId) {
        Credentials credentials = credentialsOf(from);
        byte[] signed = transaction.getType() == TransactionType.EIP1559
                ? TransactionEncoder.signMessage(transaction, credentials)
                : TransactionEncoder.signMessage(transaction, chainId, credentials);
        return Numeric.toHexString(signed);
    }

    private Credentials credentialsOf(String from) {
        if (gasStation.address().equalsIgnoreCase(from)) {
            return gasStation.credentials();
        }
        DepositAddress deposit = directory.owner(from)
                .orElseThrow(() -> new IllegalArgumentException(from + " is not an address of this exchange"));
        if (deposit.accountIndex() == null) {
            // imported by the exchange without an HD account: only its custody holds the key
            throw new IllegalArgumentException(from + " has no HD account index in the deposit-address directory, so the local signer "
                    + "holds no key for it; sign through the exchange's custody (docs/operations.md)");
        }
        return keys.credentials(deposit.accountIndex());
    }
}
