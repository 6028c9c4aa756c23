package com.recoverydesk.refund;

import java.math.BigInteger;

/**
 * What a transaction offers to pay per gas, read from the chain: EIP-1559 fees where the chain supports
 * them, a legacy gas price otherwise. {@code maxPerGas} is what a sender must hold per unit of gas.
 */
record GasPrice(boolean eip1559, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger legacyPrice) {

    BigInteger maxPerGas() {
        return eip1559 ? maxFeePerGas : legacyPrice;
    }
}
