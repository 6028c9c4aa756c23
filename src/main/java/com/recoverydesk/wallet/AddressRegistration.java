package com.recoverydesk.wallet;

import java.util.Set;

/**
 * A checked statement from the exchange that {@code userId} holds {@code address} (EIP-55) for these chains;
 * {@code accountIndex}, when given, was found to derive that very address.
 */
record AddressRegistration(String userId, String address, Set<String> chains, Integer accountIndex) {
}
