package com.recoverydesk.wallet;

import java.util.Set;

/** A deposit address, the user who holds it and the chains it was issued for. */
public record DepositAddress(String address, String userId, int accountIndex, Set<String> chains) {
}
