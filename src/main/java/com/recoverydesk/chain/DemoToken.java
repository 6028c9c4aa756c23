package com.recoverydesk.chain;

/** A token the devnet deployed. {@code listed} is false for the token that no chain lists (for unlisted-token cases). */
public record DemoToken(String chain, String symbol, String contract, int decimals, boolean listed) {
}
