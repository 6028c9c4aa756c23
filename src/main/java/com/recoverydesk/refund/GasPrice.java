package com.recoverydesk.refund;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What a transaction offers to pay per gas, read from the chain: EIP-1559 fees where the chain supports
 * them, a legacy gas price otherwise. {@code maxPerGas} is what a sender must hold per unit of gas.
 */
record GasPrice(boolean eip1559, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger legacyPrice) {

    private static final BigInteger TEN = BigInteger.TEN;

    static GasPrice legacy(BigInteger price) {
        return new GasPrice(false, null, null, price);
    }

    static GasPrice eip1559(BigInteger maxFee, BigInteger tip) {
        return new GasPrice(true, maxFee, tip, null);
    }

    BigInteger maxPerGas() {
        return eip1559 ? maxFeePerGas : legacyPrice;
    }

    /**
     * The price of a replacement at the same nonce: at least an eighth above this one, which clears the 10 % that
     * geth, Erigon, BSC and anvil require of both the fee cap and the tip (a smaller raise is refused as
     * "replacement transaction underpriced"), and at least what the chain asks now. Capped at {@code cap} per gas;
     * empty when even the capped price would not be a valid replacement: the cap is reached.
     */
    Optional<GasPrice> raisedFor(GasPrice chainNow, BigInteger cap) {
        if (!eip1559) {
            BigInteger price = eighthAbove(legacyPrice).max(chainNow.maxPerGas()).min(cap);
            return price.compareTo(tenPercentAbove(legacyPrice)) < 0 ? Optional.empty() : Optional.of(legacy(price));
        }
        BigInteger chainTip = chainNow.eip1559 ? chainNow.maxPriorityFeePerGas : BigInteger.ZERO;
        BigInteger maxFee = eighthAbove(maxFeePerGas).max(chainNow.maxPerGas()).min(cap);
        BigInteger tip = eighthAbove(maxPriorityFeePerGas).max(chainTip).min(maxFee);
        if (maxFee.compareTo(tenPercentAbove(maxFeePerGas)) < 0 || tip.compareTo(tenPercentAbove(maxPriorityFeePerGas)) < 0) {
            return Optional.empty();
        }
        return Optional.of(eip1559(maxFee, tip));
    }

    /** x · 9/8, rounded up. */
    private static BigInteger eighthAbove(BigInteger x) {
        return x.multiply(BigInteger.valueOf(9)).add(BigInteger.valueOf(7)).divide(BigInteger.valueOf(8));
    }

    /** x · 11/10, rounded up: the least a node accepts as a replacement. */
    private static BigInteger tenPercentAbove(BigInteger x) {
        return x.multiply(BigInteger.valueOf(11)).add(BigInteger.valueOf(9)).divide(TEN);
    }
}
