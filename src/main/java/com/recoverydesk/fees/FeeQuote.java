package com.recoverydesk.fees;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The fee for recovering one deposit. {@code fee} and {@code refund} are raw token units; {@code rule}
 * says in words how the fee was reached.
 *
 * @param coversFee false when the deposit is worth less than the fee or than the minimum worth recovering
 */
public record FeeQuote(BigInteger amount, BigInteger fee, BigInteger refund, BigDecimal valueUsd, BigDecimal feeUsd,
        String rule, boolean coversFee) {
}
