package com.recoverydesk.devnet;

import org.web3j.crypto.Credentials;

/**
 * anvil's first default account (from its published "test test … junk" mnemonic). It deploys the demo tokens
 * and holds their supply, so anyone can make a misdirected deposit on the devnet. Development only.
 */
public final class DevnetAccounts {

    public static final String FIRST_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String FIRST_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private DevnetAccounts() {
    }

    static Credentials first() {
        return Credentials.create(FIRST_KEY);
    }
}
