package com.recoverydesk.rules;

import java.math.BigDecimal;

/** A token the exchange lists on a chain; {@code contract} is EIP-55 checksummed. */
public record TokenRule(String symbol, String contract, int decimals, BigDecimal usdPrice) {

    public boolean isContract(String address) {
        return contract.equalsIgnoreCase(address);
    }
}
