package com.recoverydesk.support;

/**
 * Where the test devnet deploys its demo tokens: the same deployer account deploys them first on a fresh chain, so the
 * addresses are fixed, and chains-test.yml names them too. One place for the tests instead of a copy in each.
 */
public final class DevnetContracts {

    /** The demo USDT (18 decimals), listed on every test chain. */
    public static final String USDT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    /** The demo GEM token, which the exchange does not list. */
    public static final String GEM = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

    private DevnetContracts() {
    }
}
