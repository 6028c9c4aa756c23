package com.recoverydesk.people;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of a token as people read it: {@code 230 USDT}, {@code 0.05 BNB}. The one place raw units become
 * words. Machines keep the raw units ({@link #raw()}, strings of digits in JSON); every sentence for people
 * (quotes, reasons, the timeline, e-mails, task facts) shows {@link #toString()}.
 *
 * @param symbol the token's symbol as its contract answers it, or null when it answered none
 */
public record TokenAmount(BigInteger raw, int decimals, String symbol) {

    public TokenAmount {
        if (raw == null || decimals < 0) {
            throw new IllegalArgumentException("a token amount needs an amount in the smallest unit and non-negative decimals");
        }
    }

    /** The amount in whole tokens, exact, without trailing zeros: {@code 229.5}. */
    public String number() {
        BigDecimal whole = new BigDecimal(raw).movePointLeft(decimals);
        return whole.signum() == 0 ? "0" : whole.stripTrailingZeros().toPlainString();
    }

    /** {@code 230 USDT}; a token that names no symbol is "tokens". */
    @Override
    public String toString() {
        return number() + " " + (symbol == null || symbol.isBlank() ? "tokens" : symbol);
    }
}
