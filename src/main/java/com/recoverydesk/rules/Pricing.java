package com.recoverydesk.rules;

import java.math.BigDecimal;

/**
 * How an asset of chains.yml is priced: from its on-chain {@link PriceFeed}, or by a static USD figure, which the
 * file allows only where it says {@code price: static} (the devnet, or a chain never priced).
 *
 * @param staticUsd the static price, or null when the asset has a feed
 * @param feed      the feed, or null when the price is static
 */
public record Pricing(BigDecimal staticUsd, PriceFeed feed) {

    public static Pricing fixed(BigDecimal usd) {
        return new Pricing(usd, null);
    }

    public static Pricing fromFeed(PriceFeed feed) {
        return new Pricing(null, feed);
    }

    public boolean isStatic() {
        return feed == null;
    }
}
