package com.recoverydesk.refund;

import java.math.BigInteger;

/** One stored, signed transaction of a refund. {@code raw} is what is broadcast, always the same bytes. */
public record RefundTransaction(long id, String caseId, String chain, Purpose purpose, String from, String to, String tokenContract,
        BigInteger amount, long nonce, String raw, String hash, Status status, Long blockNumber) {

    public enum Status {
        SIGNED,
        BROADCAST,
        CONFIRMED
    }
}
