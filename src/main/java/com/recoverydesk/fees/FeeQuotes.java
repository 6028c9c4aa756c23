package com.recoverydesk.fees;

import com.recoverydesk.cases.CasePrice;
import com.recoverydesk.cases.CaseType;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.springframework.stereotype.Service;

/** Quotes a fee from chains.yml's rules and the price book: for the public quote and for a case alike. */
@Service
public class FeeQuotes {

    private final RecoveryRules rules;
    private final PriceBook prices;

    FeeQuotes(RecoveryRules rules, PriceBook prices) {
        this.rules = rules;
        this.prices = prices;
    }

    /** The fee at the price book's price, or no fee and why there is no price (then a specialist values the deposit). */
    public PricedQuote quote(CaseType type, ChainConfig chain, String tokenContract, int decimals, BigInteger amount) {
        PriceReading reading = prices.price(chain.name(), tokenContract);
        if (!reading.known()) {
            return new PricedQuote(null, null, reading.unavailable());
        }
        FeeQuote quote = FeeCalculator.quote(rules.fees().get(type), amount, decimals, reading.price().usd(),
                rules.minimumDepositUsd().get(type));
        return new PricedQuote(quote, reading.price(), null);
    }

    /** A quote at a price a specialist recorded (valuation of the whole deposit in USD). */
    public FeeQuote quoteAtValuation(CaseType type, BigInteger amount, BigDecimal valuationUsd) {
        return FeeCalculator.quoteByValue(rules.fees().get(type), amount, valuationUsd, rules.minimumDepositUsd().get(type));
    }

    /** {@code quote} and {@code price} together, or neither and {@code unavailable} saying why. */
    public record PricedQuote(FeeQuote quote, CasePrice price, String unavailable) {

        public boolean priced() {
            return quote != null;
        }
    }
}
