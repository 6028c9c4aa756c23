package com.recoverydesk.cases;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The fee a case is charged, in the deposit's raw units, and how it was reached. */
public record CaseFee(BigInteger amount, BigDecimal usd, BigDecimal valueUsd, String rule) {
}
