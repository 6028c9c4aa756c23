package com.recoverydesk.rules;

import java.math.BigDecimal;

/** A chain's native coin: what gas is paid in and what a plain value transfer moves. */
public record NativeCoin(String symbol, int decimals, BigDecimal usdPrice) {
}
