package com.recoverydesk.fees;

/**
 * USD prices of what a case can hold, as chains.yml says to find them: an on-chain feed, or a static figure where
 * the file allows one. A price that cannot be trusted is no price, never a guess.
 */
public interface PriceBook {

    /** The USD price of one whole token (or native coin when {@code tokenContract} is null), or why there is none. */
    PriceReading price(String chain, String tokenContract);
}
