package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseType;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
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

    /** Empty when the token has no known price (an unlisted token before a specialist values it). */
    public Optional<FeeQuote> quote(CaseType type, ChainConfig chain, String tokenContract, int decimals, BigInteger amount) {
        return prices.usdPrice(chain.name(), tokenContract)
                .filter(price -> price.signum() > 0)
                .map(price -> quoteAt(type, amount, decimals, price));
    }

    /** A quote at a price a specialist recorded (valuation of the whole deposit in USD). */
    public FeeQuote quoteAtValuation(CaseType type, BigInteger amount, BigDecimal valuationUsd) {
        return FeeCalculator.quoteByValue(rules.fees().get(type), amount, valuationUsd, rules.minimumDepositUsd().get(type));
    }

    private FeeQuote quoteAt(CaseType type, BigInteger amount, int decimals, BigDecimal price) {
        return FeeCalculator.quote(rules.fees().get(type), amount, decimals, price, rules.minimumDepositUsd().get(type));
    }
}
