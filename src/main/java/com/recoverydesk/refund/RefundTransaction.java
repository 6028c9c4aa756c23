package com.recoverydesk.refund;

import java.math.BigInteger;

/**
 * One stored, signed transaction of a refund. {@code raw} is what is broadcast, always the same bytes. A stuck
 * transaction is replaced by another at the same nonce ({@code attempt} 1, 2, …); of such a set the chain mines
 * one, which ends CONFIRMED, and the others end NOT_MINED.
 *
 * @param maxFeePerGas         the EIP-1559 fee cap, or the legacy gas price
 * @param maxPriorityFeePerGas the EIP-1559 tip; null for a legacy transaction
 * @param pendingSinceBlock    the head at which the check first saw this attempt unmined; null before
 * @param gasUsed              from the receipt, once confirmed; null before
 * @param effectiveGasPrice    what the sender paid per gas, from the receipt, once confirmed; null before
 */
public record RefundTransaction(long id, String caseId, String chain, Purpose purpose, String from, String to, String tokenContract,
        BigInteger amount, long nonce, String raw, String hash, Status status, Long blockNumber, int attempt, BigInteger gasLimit,
        BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, Long pendingSinceBlock, BigInteger gasUsed, BigInteger effectiveGasPrice) {

    public enum Status {
        SIGNED,
        BROADCAST,
        /** A later attempt at the same nonce was signed; this one may still be the one the chain mines. */
        REPLACED,
        CONFIRMED,
        /** Another transaction at the same nonce was mined: this one never will be. */
        NOT_MINED
    }

    /** Still the one to send and watch: neither mined and confirmed, nor superseded. */
    boolean isCurrent() {
        return status == Status.SIGNED || status == Status.BROADCAST;
    }

    /** May still be mined: every attempt of a set until one of them is. */
    boolean isOpen() {
        return isCurrent() || status == Status.REPLACED;
    }

    /** Native coin the sender paid for gas; zero until confirmed. */
    BigInteger gasSpent() {
        return gasUsed == null || effectiveGasPrice == null ? BigInteger.ZERO : gasUsed.multiply(effectiveGasPrice);
    }

    GasPrice price() {
        return maxPriorityFeePerGas == null ? GasPrice.legacy(maxFeePerGas) : GasPrice.eip1559(maxFeePerGas, maxPriorityFeePerGas);
    }

    /** Whether {@code other} is an attempt at the same nonce of the same sender. */
    boolean sameNonceAs(RefundTransaction other) {
        return chain.equals(other.chain) && from.equalsIgnoreCase(other.from) && nonce == other.nonce;
    }
}
