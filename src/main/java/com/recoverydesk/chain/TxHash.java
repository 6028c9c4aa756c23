package com.recoverydesk.chain;

import java.util.regex.Pattern;

/** A transaction ID as people paste it: 0x and 32 bytes of hex, in any letter case. */
public final class TxHash {

    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{64}");

    private TxHash() {
    }

    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
