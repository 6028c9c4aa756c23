package com.recoverydesk.fees;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/** One answer of a price feed's {@code latestRoundData}, scaled by its {@code decimals}; {@code usd} may be zero or negative. */
record FeedRound(BigInteger round, BigDecimal usd, Instant updatedAt) {
}
