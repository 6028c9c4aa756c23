package com.recoverydesk.fees;

import com.recoverydesk.cases.CasePrice;

/**
 * A price, or the sentence that says why there is none (an unlisted token, a stale, non-positive or silent feed):
 * then the appeals specialist values the deposit.
 */
public record PriceReading(CasePrice price, String unavailable) {

    static PriceReading of(CasePrice price) {
        return new PriceReading(price, null);
    }

    static PriceReading none(String why) {
        return new PriceReading(null, why);
    }

    public boolean known() {
        return price != null;
    }
}
