package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseFee;
import com.recoverydesk.cases.CasePrice;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.people.TokenAmount;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charges a case its fee: at the price book's price when there is one, else at the specialist's valuation. */
@Service
public class FeeAssessment {

    private final CaseStore cases;
    private final CaseTransitions transitions;
    private final Timeline timeline;
    private final RecoveryRules rules;
    private final FeeQuotes quotes;
    private final Clock clock;

    FeeAssessment(CaseStore cases, CaseTransitions transitions, Timeline timeline, RecoveryRules rules, FeeQuotes quotes, Clock clock) {
        this.cases = cases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.rules = rules;
        this.quotes = quotes;
        this.clock = clock;
    }

    /** @return false when the case was rejected because the deposit does not cover the fee */
    @Transactional
    public boolean quote(String caseId) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(c.chain()).orElseThrow();
        DepositFacts facts = c.facts();
        int decimals = facts.decimals() != null ? facts.decimals() : chain.nativeCoin().decimals();
        FeeQuotes.PricedQuote quote = quotes.quote(c.type(), chain, facts.tokenContract(), decimals, facts.amount());
        if (!quote.priced()) {
            timeline.note(caseId, CaseTransitions.SYSTEM, "VALUATION_NEEDED", c.status(),
                    "No price is available (" + quote.unavailable() + "): the appeals specialist values the deposit,"
                            + " and the fee follows from that.");
            return true;
        }
        return charge(c, quote.quote(), quote.price());
    }

    public boolean hasFee(String caseId) {
        return cases.find(caseId).orElseThrow().fee() != null;
    }

    /** The fee from a specialist's valuation of the whole deposit, when no price was known. */
    @Transactional
    public boolean quoteAtValuation(String caseId, BigDecimal valuationUsd) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        if (c.fee() != null) {
            return true;
        }
        int decimals = c.facts().decimals() != null ? c.facts().decimals()
                : rules.chain(c.chain()).orElseThrow().nativeCoin().decimals();
        // the valuation is of the whole deposit; the case keeps it as a price per whole token, like a feed's
        BigDecimal perToken = valuationUsd.divide(new BigDecimal(c.facts().amount()).movePointLeft(decimals), 18, RoundingMode.HALF_EVEN);
        CasePrice price = new CasePrice(CasePrice.Source.SPECIALIST, null, null, perToken, null, clock.instant());
        return charge(c, quotes.quoteAtValuation(c.type(), c.facts().amount(), valuationUsd), price);
    }

    /** Where the price came from, for the timeline: the feed and its round, chains.yml, or the specialist. */
    static String priceText(CasePrice price) {
        String usd = price.usd().stripTrailingZeros().toPlainString() + " USD per token";
        return switch (price.source()) {
            case FEED -> usd + " from the price feed " + price.feed() + " on " + price.feedChain() + " (round " + price.round()
                    + ", " + price.at() + ")";
            case STATIC -> usd + " (static price of chains.yml)";
            case SPECIALIST -> usd + " (the specialist's valuation)";
        };
    }

    private boolean charge(RecoveryCase c, FeeQuote quote, CasePrice price) {
        if (!quote.coversFee()) {
            transitions.reject(c.id(), ReasonCode.BELOW_FEE, CaseTransitions.SYSTEM, "The fee would be " + inTokens(c, quote.fee()) + ": "
                    + quote.rule() + ".");
            return false;
        }
        cases.recordFee(c.id(), new CaseFee(quote.fee(), quote.feeUsd(), quote.valueUsd(), quote.rule(), price));
        timeline.note(c.id(), CaseTransitions.SYSTEM, "FEE_QUOTED", c.status(), "Fee " + inTokens(c, quote.fee()) + ", refund "
                + inTokens(c, quote.refund()) + ": " + quote.rule() + ", at " + priceText(price) + ".");
        return true;
    }

    private TokenAmount inTokens(RecoveryCase c, java.math.BigInteger raw) {
        var coin = rules.chain(c.chain()).orElseThrow().nativeCoin();
        return c.facts().units(raw, coin.symbol(), coin.decimals());
    }
}
