package com.recoverydesk.devnet;

import org.web3j.crypto.Credentials;

/**
 * anvil's first default account (from its published "test test … junk" mnemonic). It deploys the demo tokens
 * and holds their supply, so anyone can make a misdirected deposit on the devnet. Development only.
 */
public final class DevnetAccounts {

    public static final String FIRST_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String FIRST_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    /**
     * anvil's ninth default account deploys and moves the devnet's price feeds. An account of their own, so the
     * feeds' addresses follow from its nonces alone, however many deposits the first account makes.
     */
    public static final String PRICE_FEED_OWNER = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
    static final String PRICE_FEED_OWNER_KEY = "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";

    private DevnetAccounts() {
    }

    static Credentials first() {
        return Credentials.create(FIRST_KEY);
    }

    static Credentials priceFeedOwner() {
        return Credentials.create(PRICE_FEED_OWNER_KEY);
    }
}
