package com.recoverydesk.chain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount in token units as people type it: digits with an optional fraction, above zero. Bounded in length,
 * so that no input becomes an absurd {@link BigDecimal}; the token's decimals are checked where they are known.
 */
public final class DecimalAmount {

    private static final Pattern SHAPE = Pattern.compile("\\d{1,60}(\\.\\d{1,36})?");

    private DecimalAmount() {
    }

    /** Whether the text, already trimmed, is a positive decimal amount. */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches() && new BigDecimal(text).signum() > 0;
    }
}
