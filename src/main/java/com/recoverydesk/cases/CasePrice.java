package com.recoverydesk.cases;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The USD price of one whole token (or coin) that a case's fee was charged at, kept with the case so the fee can be
 * explained later whatever the price does since.
 *
 * @param feedChain the chain of the feed; null unless {@code source} is FEED
 * @param feed      the feed's contract; null unless {@code source} is FEED
 * @param round     the feed's round id; null unless {@code source} is FEED
 * @param at        when the feed computed it, or when the specialist valued the deposit; null for a static price
 */
public record CasePrice(Source source, String feedChain, String feed, BigDecimal usd, BigInteger round, Instant at) {

    public enum Source {
        /** An on-chain aggregator of chains.yml. */
        FEED,
        /** A static usd-price of chains.yml ({@code price: static}). */
        STATIC,
        /** The appeals specialist's valuation, where no price was available. */
        SPECIALIST
    }
}
