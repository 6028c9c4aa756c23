package com.recoverydesk.eligibility;

import java.util.Set;

/** Who holds a deposit address and the chains it was issued for. */
public record AddressHolder(String userId, Set<String> issuedFor) {
}
