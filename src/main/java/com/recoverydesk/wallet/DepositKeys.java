package com.recoverydesk.wallet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * The exchange's deposit keys: one HD (BIP-32/39/44) account per deposit address, at m/44'/60'/0'/0/{index}.
 * Keys stay inside the wallet package; the rest of the application sees addresses only.
 */
@Component
public class DepositKeys {

    private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

    private final Bip32ECKeyPair accounts;
    private final Map<Integer, Credentials> derived = new ConcurrentHashMap<>();

    DepositKeys(WalletProperties wallet) {
        WalletSettings.check(wallet);
        String mnemonic = WalletSettings.trimmed(wallet.depositMnemonic());
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
        this.accounts = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0});
    }

    /** The EIP-55 address of deposit account {@code index}. */
    public String depositAddress(int index) {
        return Keys.toChecksumAddress(credentials(index).getAddress());
    }

    /**
     * The EIP-55 address of account {@code index}, derived without keeping its key: an import checks millions of
     * accounts once each, and remembering them all would hold memory without bound.
     */
    String deriveAddress(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("account index must not be negative");
        }
        Credentials cached = derived.get(index);
        return Keys.toChecksumAddress(cached != null ? cached.getAddress()
                : Keys.getAddress(Bip32ECKeyPair.deriveKeyPair(accounts, new int[] {index}).getPublicKey()));
    }

    /** For the signer only. */
    Credentials credentials(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("account index must not be negative");
        }
        return derived.computeIfAbsent(index, i -> Credentials.create(Bip32ECKeyPair.deriveKeyPair(accounts, new int[] {i})));
    }

    @Override
    public String toString() {
        return "DepositKeys[<secret>]";
    }
}
