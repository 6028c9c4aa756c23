package com.recoverydesk.rules;

/** A chain's native coin: what gas is paid in and what a plain value transfer moves. */
public record NativeCoin(String symbol, int decimals, Pricing price) {
}
