package com.recoverydesk.rules;

import java.time.Duration;

/**
 * A Chainlink-style price aggregator (AggregatorV3Interface: {@code latestRoundData}, {@code decimals}) that prices
 * one asset in USD.
 *
 * @param chain       the chain the feed lives on (any chain of chains.yml with an rpc-url, not necessarily the asset's)
 * @param contract    the aggregator's address, EIP-55 checksummed
 * @param maxPriceAge an answer older than this is stale: no price, the specialist values the deposit
 */
public record PriceFeed(String chain, String contract, Duration maxPriceAge) {
}
