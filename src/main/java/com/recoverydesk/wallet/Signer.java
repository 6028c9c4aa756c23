package com.recoverydesk.wallet;

import org.web3j.crypto.RawTransaction;

/**
 * Signs transactions from the exchange's own addresses: deposit addresses and the gas station. The only way
 * the application gets a signature; no other code touches a private key. The local implementation signs
 * with keys derived from the configured mnemonic; an exchange plugs in its custody service here instead
 * (see docs/operations.md).
 */
public interface Signer {

    /**
     * @return the signed transaction, hex-encoded, ready for {@code eth_sendRawTransaction}
     * @throws IllegalArgumentException when {@code from} is not an address this signer holds a key for
     */
    String sign(String from, RawTransaction transaction, long chainId);
}
