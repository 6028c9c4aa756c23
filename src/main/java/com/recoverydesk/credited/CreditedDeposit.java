package com.recoverydesk.credited;

import java.math.BigInteger;
import java.time.Instant;

/** One credited deposit, validated: TXID lower-case, addresses checksummed, amount in raw units. */
record CreditedDeposit(String chain, String txHash, int logIndex, String depositAddress, String tokenContract,
        BigInteger amount, Instant creditedAt) {
}
