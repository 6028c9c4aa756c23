package com.recoverydesk.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The price of a replacement: what nodes accept at the same nonce, never above the chain's cap. */
class GasPriceTest {

    static final BigInteger GWEI = BigInteger.TEN.pow(9);
    static final BigInteger CAP = gwei(1000);

    @Test
    void aLegacyReplacementOffersAnEighthMoreWhenTheChainAsksLess() {
        assertThat(GasPrice.legacy(gwei(8)).raisedFor(GasPrice.legacy(gwei(5)), CAP)).contains(GasPrice.legacy(gwei(9)));
    }

    @Test
    void aReplacementOffersWhatTheChainAsksWhenThatIsMore() {
        assertThat(GasPrice.legacy(gwei(8)).raisedFor(GasPrice.legacy(gwei(40)), CAP)).contains(GasPrice.legacy(gwei(40)));
        assertThat(GasPrice.eip1559(gwei(3), gwei(1)).raisedFor(GasPrice.eip1559(gwei(201), gwei(2)), CAP))
                .contains(GasPrice.eip1559(gwei(201), gwei(2)));
    }

    @Test
    void anEip1559ReplacementRaisesBothTheFeeCapAndTheTipByMoreThanTheTenPercentNodesRequire() {
        GasPrice raised = GasPrice.eip1559(gwei(80), gwei(8)).raisedFor(GasPrice.eip1559(gwei(10), gwei(1)), CAP).orElseThrow();

        assertThat(raised).isEqualTo(GasPrice.eip1559(gwei(90), gwei(9)));
        assertThat(raised.maxFeePerGas()).isGreaterThanOrEqualTo(gwei(88));
        assertThat(raised.maxPriorityFeePerGas()).isGreaterThanOrEqualTo(BigInteger.valueOf(8_800_000_000L));
    }

    @Test
    void roundsUpSoATinyPriceStillRisesEnough() {
        assertThat(GasPrice.legacy(BigInteger.valueOf(7)).raisedFor(GasPrice.legacy(BigInteger.ONE), CAP))
                .contains(GasPrice.legacy(BigInteger.valueOf(8)));
        assertThat(GasPrice.eip1559(BigInteger.ONE, BigInteger.ZERO).raisedFor(GasPrice.eip1559(BigInteger.ONE, BigInteger.ZERO), CAP))
                .contains(GasPrice.eip1559(BigInteger.TWO, BigInteger.ZERO));
    }

    @Test
    void stopsAtTheCapWhileThatIsStillAValidReplacement() {
        assertThat(GasPrice.legacy(gwei(900)).raisedFor(GasPrice.legacy(gwei(5000)), CAP)).contains(GasPrice.legacy(CAP));
        assertThat(GasPrice.eip1559(gwei(900), gwei(2)).raisedFor(GasPrice.eip1559(gwei(9000), gwei(3)), CAP))
                .contains(GasPrice.eip1559(CAP, gwei(3)));
    }

    @Test
    void isEmptyOnceTheCapLeavesNoValidReplacement() {
        assertThat(GasPrice.legacy(CAP).raisedFor(GasPrice.legacy(gwei(5000)), CAP)).isEmpty();
        assertThat(GasPrice.legacy(gwei(950)).raisedFor(GasPrice.legacy(gwei(5000)), CAP)).isEmpty(); // 1000 < 950 · 1.1
        assertThat(GasPrice.eip1559(gwei(950), gwei(1)).raisedFor(GasPrice.eip1559(gwei(9000), gwei(1)), CAP)).isEmpty();
    }

    private static BigInteger gwei(long n) {
        return GWEI.multiply(BigInteger.valueOf(n));
    }
}
