package com.recoverydesk.rules;

/** A token the exchange lists on a chain; {@code contract} is EIP-55 checksummed. */
public record TokenRule(String symbol, String contract, int decimals, Pricing price) {

    public boolean isContract(String address) {
        return contract.equalsIgnoreCase(address);
    }
}
