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
        return keys.credentials(deposit.accountIndex());
    }
}
