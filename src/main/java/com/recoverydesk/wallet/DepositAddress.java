package com.recoverydesk.wallet;

import java.util.Set;

/**
 * A deposit address, the user who holds it and the chains it was issued for. {@code accountIndex} is its HD
 * account (m/44'/60'/0'/0/{index}) when the exchange said so, null for an address only its custody knows.
 */
public record DepositAddress(String address, String userId, Integer accountIndex, Set<String> chains) {
}
