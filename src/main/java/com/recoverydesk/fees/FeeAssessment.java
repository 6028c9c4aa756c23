package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseFee;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.chain.ChainConfig;
import com.recoverydesk.chain.RecoveryRules;
import com.recoverydesk.people.TokenAmount;
import java.math.BigDecimal;
import java.util.Optional;
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

    FeeAssessment(CaseStore cases, CaseTransitions transitions, Timeline timeline, RecoveryRules rules, FeeQuotes quotes) {
        this.cases = cases;
        this.transitions = transitions;
        this.timeline = timeline;
        this.rules = rules;
        this.quotes = quotes;
    }

    /** @return false when the case was rejected because the deposit does not cover the fee */
    @Transactional
    public boolean quote(String caseId) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        ChainConfig chain = rules.chain(c.chain()).orElseThrow();
        DepositFacts facts = c.facts();
        int decimals = facts.decimals() != null ? facts.decimals() : chain.nativeCoin().decimals();
        Optional<FeeQuote> quote = quotes.quote(c.type(), chain, facts.tokenContract(), decimals, facts.amount());
        if (quote.isEmpty()) {
            timeline.note(caseId, CaseTransitions.SYSTEM, "VALUATION_NEEDED", c.status(),
                    "We have no price for this token: the appeals specialist values it, and the fee follows from that.");
            return true;
        }
        return charge(c, quote.get());
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
        return charge(c, quotes.quoteAtValuation(c.type(), c.facts().amount(), valuationUsd));
    }

    private boolean charge(RecoveryCase c, FeeQuote quote) {
        if (!quote.coversFee()) {
            transitions.reject(c.id(), ReasonCode.BELOW_FEE, CaseTransitions.SYSTEM, "The fee would be " + inTokens(c, quote.fee()) + ": "
                    + quote.rule() + ".");
            return false;
        }
        cases.recordFee(c.id(), new CaseFee(quote.fee(), quote.feeUsd(), quote.valueUsd(), quote.rule()));
        timeline.note(c.id(), CaseTransitions.SYSTEM, "FEE_QUOTED", c.status(), "Fee " + inTokens(c, quote.fee()) + ", refund "
                + inTokens(c, quote.refund()) + ": " + quote.rule() + ".");
        return true;
    }

    private TokenAmount inTokens(RecoveryCase c, java.math.BigInteger raw) {
        var coin = rules.chain(c.chain()).orElseThrow().nativeCoin();
        return c.facts().units(raw, coin.symbol(), coin.decimals());
    }
}
