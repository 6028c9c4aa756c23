package com.recoverydesk.verification;

import java.math.BigInteger;
import java.time.Instant;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What one read of a chain returned for a TXID. {@code transaction} is null when the node does not know the
 * TXID, {@code receipt} when it is not mined yet; {@code decimals} and {@code symbol} are null when no token
 * was named or the contract did not answer them.
 */
record ChainSnapshot(
        Transaction transaction,
        TransactionReceipt receipt,
        BigInteger head,
        Instant blockTime,
        Integer decimals,
        String symbol) {
}
