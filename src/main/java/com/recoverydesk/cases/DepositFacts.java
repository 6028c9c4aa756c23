package com.recoverydesk.cases;

import com.recoverydesk.people.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;

/**
 * What the chain itself says about a deposit. {@code tokenContract} is null for the native coin, and then
 * {@code logIndex} is {@link #NATIVE_LOG_INDEX}. {@code amount} is in the token's raw units.
 */
public record DepositFacts(
        String from,
        String to,
        String tokenContract,
        String symbol,
        Integer decimals,
        BigInteger amount,
        long blockNumber,
        int logIndex,
        long confirmations,
        Instant blockTime) {

    /** A native-coin transfer has no log; it is claimed under this index. */
    public static final int NATIVE_LOG_INDEX = -1;

    public boolean isNative() {
        return tokenContract == null;
    }

    /** Any raw amount of this deposit's asset (the deposit, its fee, its refund) as people read it. */
    public TokenAmount units(BigInteger raw, String nativeSymbol, int nativeDecimals) {
        return new TokenAmount(raw, decimals != null ? decimals : nativeDecimals,
                symbol != null ? symbol : isNative() ? nativeSymbol : null);
    }
}
