package com.recoverydesk.fees;

import com.recoverydesk.rules.FeeRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one fee computation, used by the public quote and by the case alike, so what a user is quoted is what
 * they are charged. All in exact decimal and integer arithmetic; the fee is rounded up to the token's smallest
 * unit, never down.
 */
public final class FeeCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FeeCalculator() {
    }

    /**
     * @param amount     the deposit in raw units
     * @param decimals   the token's decimals
     * @param usdPrice   USD per whole token; must be positive
     * @param minimumUsd the smallest deposit value worth recovering for this kind of case
     */
    public static FeeQuote quote(FeeRule rule, BigInteger amount, int decimals, BigDecimal usdPrice, BigDecimal minimumUsd) {
        if (usdPrice.signum() <= 0) {
            throw new IllegalArgumentException("a fee needs a positive price");
        }
        return quoteByValue(rule, amount, new BigDecimal(amount).movePointLeft(decimals).multiply(usdPrice), minimumUsd);
    }

    /** The same, for a deposit whose whole value in USD is known (a specialist's valuation). */
    public static FeeQuote quoteByValue(FeeRule rule, BigInteger amount, BigDecimal valueUsd, BigDecimal minimumUsd) {
        if (amount.signum() <= 0 || valueUsd.signum() <= 0) {
            return new FeeQuote(amount, BigInteger.ZERO, BigInteger.ZERO, valueUsd.max(BigDecimal.ZERO), BigDecimal.ZERO,
                    "A deposit without value cannot carry a fee.", false);
        }
        BigDecimal percentUsd = valueUsd.multiply(rule.percent()).divide(HUNDRED);
        BigDecimal feeUsd = percentUsd.max(rule.minUsd()).min(rule.maxUsd());
        // fee / amount = feeUsd / valueUsd, so the fee in raw units is exact up to one final rounding, upwards
        BigInteger fee = feeUsd.multiply(new BigDecimal(amount)).divide(valueUsd, 0, RoundingMode.CEILING).toBigIntegerExact();
        boolean covers = fee.compareTo(amount) < 0 && valueUsd.compareTo(minimumUsd) >= 0;
        String applied = feeUsd.compareTo(percentUsd) == 0 ? plain(rule.percent()) + "% of the value"
                : feeUsd.compareTo(rule.minUsd()) == 0 ? "the minimum fee" : "the maximum fee";
        String text = String.format("%s%% of %s USD, at least %s and at most %s USD: %s, %s USD",
                plain(rule.percent()), plain(valueUsd.setScale(2, RoundingMode.DOWN)), plain(rule.minUsd()), plain(rule.maxUsd()),
                applied, plain(feeUsd.setScale(2, RoundingMode.UP)));
        return new FeeQuote(amount, fee, covers ? amount.subtract(fee) : BigInteger.ZERO, valueUsd, feeUsd, text, covers);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
