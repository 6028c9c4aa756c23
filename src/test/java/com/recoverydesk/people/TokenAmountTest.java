package com.recoverydesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Raw units become the amount people read, exactly, with the token's symbol. */
class TokenAmountTest {

    @Test
    void eighteenDecimalsOfUsdtReadAsWholeTokens() {
        assertThat(new TokenAmount(new BigInteger("230000000000000000000"), 18, "USDT")).hasToString("230 USDT");
    }

    @Test
    void fractionsKeepEveryDigitAndDropTrailingZeros() {
        assertThat(new TokenAmount(new BigInteger("229500000"), 6, "USDT")).hasToString("229.5 USDT");
        assertThat(new TokenAmount(BigInteger.ONE, 18, "BNB")).hasToString("0.000000000000000001 BNB");
        assertThat(new TokenAmount(BigInteger.ZERO, 18, "BNB")).hasToString("0 BNB");
    }

    @Test
    void aTokenWithoutASymbolIsCalledTokens() {
        assertThat(new TokenAmount(new BigInteger("5000"), 3, null)).hasToString("5 tokens");
    }

    @Test
    void noAmountWithoutRawUnits() {
        assertThatThrownBy(() -> new TokenAmount(null, 18, "USDT")).isInstanceOf(IllegalArgumentException.class);
    }
}
