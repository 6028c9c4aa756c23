package com.recoverydesk.fees;

import com.recoverydesk.cases.CasePrice;
import com.recoverydesk.rules.PriceFeed;
import com.recoverydesk.rules.Pricing;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.TokenRule;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Prices as chains.yml names them: a listed token's or native coin's feed, read live, or its static figure where the
 * file says {@code price: static}. A feed answer older than the feed's {@code max-price-age}, zero or negative, or
 * missing is no price: charging a fee or skipping the second approver on a wrong price costs more than a valuation.
 */
@Component
class ChainsPriceBook implements PriceBook {

    private final RecoveryRules rules;
    private final PriceFeedReader feeds;
    private final Clock clock;

    ChainsPriceBook(RecoveryRules rules, PriceFeedReader feeds, Clock clock) {
        this.rules = rules;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public PriceReading price(String chain, String tokenContract) {
        if (rules.chain(chain).isEmpty()) {
            return PriceReading.none("no chain named " + chain + " in chains.yml");
        }
        Optional<Pricing> pricing = pricing(chain, tokenContract);
        if (pricing.isEmpty()) {
            return PriceReading.none("the token is not listed on " + chain + ", so no price feed names it");
        }
        if (pricing.get().isStatic()) {
            return PriceReading.of(new CasePrice(CasePrice.Source.STATIC, null, null, pricing.get().staticUsd(), null, null));
        }
        return fromFeed(pricing.get().feed());
    }

    /** How chains.yml prices the native coin (null token) or a listed token of a chain; empty when it does not. */
    Optional<Pricing> pricing(String chain, String tokenContract) {
        return rules.chain(chain).flatMap(config -> tokenContract == null ? Optional.of(config.nativeCoin().price())
                : config.token(tokenContract).map(TokenRule::price));
    }

    private PriceReading fromFeed(PriceFeed feed) {
        String named = "the price feed " + feed.contract() + " on " + feed.chain();
        Optional<FeedRound> latest = feeds.latest(feed);
        if (latest.isEmpty()) {
            return PriceReading.none(named + " did not answer");
        }
        FeedRound round = latest.get();
        if (round.usd().signum() <= 0) {
            return PriceReading.none(named + " answered " + round.usd().toPlainString() + ", which is not a price");
        }
        Duration age = Duration.between(round.updatedAt(), clock.instant());
        if (age.compareTo(feed.maxPriceAge()) > 0) {
            return PriceReading.none(named + " was last updated at " + round.updatedAt() + ", longer ago than its max-price-age "
                    + feed.maxPriceAge());
        }
        return PriceReading.of(new CasePrice(CasePrice.Source.FEED, feed.chain(), feed.contract(), round.usd(), round.round(),
                round.updatedAt()));
    }
}
