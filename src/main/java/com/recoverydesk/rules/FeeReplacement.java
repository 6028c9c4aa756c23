package com.recoverydesk.rules;

import java.math.BigInteger;

/**
 * When a chain's refund transactions are replaced, and how far their fee may be raised (chains.yml
 * {@code replace-after-blocks}, {@code max-fee}).
 *
 * @param afterBlocks    a transaction not mined this many blocks after it was first seen pending is re-signed at
 *                       the same nonce with a higher fee
 * @param maxFeePerGas   the highest fee per gas (wei) a replacement may offer; above it raising stops, an incident
 *                       is raised and the wallet team is told, and the last transaction is still watched
 */
public record FeeReplacement(int afterBlocks, BigInteger maxFeePerGas) {

    public static final int DEFAULT_AFTER_BLOCKS = 5;
    /** In gwei: far above a normal day on Ethereum and BSC, below what a fee spike's panic would pay. */
    public static final String DEFAULT_MAX_FEE_GWEI = "500";
}
