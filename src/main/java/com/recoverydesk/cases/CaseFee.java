package com.recoverydesk.cases;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The fee a case is charged, in the deposit's raw units, how it was reached, and the price it was charged at
 * ({@code price} is null only for cases charged before prices were recorded).
 */
public record CaseFee(BigInteger amount, BigDecimal usd, BigDecimal valueUsd, String rule, CasePrice price) {

    public CaseFee(BigInteger amount, BigDecimal usd, BigDecimal valueUsd, String rule) {
        this(amount, usd, valueUsd, rule, null);
    }
}
