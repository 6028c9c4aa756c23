package com.recoverydesk.fees;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.rules.FeeRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

    private static final FeeRule WRONG_NETWORK = new FeeRule(new BigDecimal("5"), new BigDecimal("20"), new BigDecimal("500"));
    private static final BigDecimal ONE_DOLLAR = new BigDecimal("1.00");
    private static final BigDecimal MINIMUM = new BigDecimal("100");

    @Test
    void chargesTheMinimumFeeOnASmallDeposit() {
        FeeQuote quote = FeeCalculator.quote(WRONG_NETWORK, raw("250", 6), 6, ONE_DOLLAR, MINIMUM);

        assertThat(quote.fee()).isEqualTo(raw("20", 6));
        assertThat(quote.refund()).isEqualTo(raw("230", 6));
        assertThat(quote.coversFee()).isTrue();
        assertThat(quote.rule()).contains("the minimum fee");
    }

    @Test
    void chargesThePercentageInBetween() {
        FeeQuote quote = FeeCalculator.quote(WRONG_NETWORK, raw("1000", 6), 6, ONE_DOLLAR, MINIMUM);

        assertThat(quote.fee()).isEqualTo(raw("50", 6));
        assertThat(quote.rule()).contains("5% of the value");
    }

    @Test
    void capsTheFeeAtTheMaximumOnAHugeDeposit() {
        BigInteger huge = BigInteger.TEN.pow(30);

        FeeQuote quote = FeeCalculator.quote(WRONG_NETWORK, huge, 18, ONE_DOLLAR, MINIMUM);

        assertThat(quote.fee()).isEqualTo(raw("500", 18));
        assertThat(quote.refund()).isEqualTo(huge.subtract(raw("500", 18)));
    }

    @Test
    void roundsAFeeThatDoesNotDivideEvenlyUpToTheNextSmallestUnit() {
        FeeQuote sixDecimals = FeeCalculator.quote(WRONG_NETWORK, raw("100", 6), 6, new BigDecimal("3.00"), MINIMUM);
        FeeQuote eighteenDecimals = FeeCalculator.quote(WRONG_NETWORK, raw("1", 18), 18, new BigDecimal("3000.00"), MINIMUM);

        assertThat(sixDecimals.fee()).isEqualTo(BigInteger.valueOf(6_666_667));
        assertThat(eighteenDecimals.fee()).isEqualTo(new BigInteger("50000000000000000"));
        FeeQuote minimumOnEth = FeeCalculator.quote(WRONG_NETWORK, new BigInteger("40000000000000000"), 18, new BigDecimal("3000.00"), MINIMUM);
        assertThat(minimumOnEth.fee()).isEqualTo(new BigInteger("6666666666666667"));
    }

    @Test
    void aTinyDepositIsNotWorthRecovering() {
        FeeQuote quote = FeeCalculator.quote(WRONG_NETWORK, BigInteger.ONE, 18, ONE_DOLLAR, MINIMUM);

        assertThat(quote.coversFee()).isFalse();
        assertThat(quote.refund()).isZero();
    }

    @Test
    void aDepositOfExactlyTheMinimumValueIsWorthRecoveringAndOneUnitLessIsNot() {
        assertThat(FeeCalculator.quote(WRONG_NETWORK, raw("100", 6), 6, ONE_DOLLAR, MINIMUM).coversFee()).isTrue();
        assertThat(FeeCalculator.quote(WRONG_NETWORK, raw("100", 6).subtract(BigInteger.ONE), 6, ONE_DOLLAR, MINIMUM).coversFee()).isFalse();
    }

    @Test
    void aDepositJustOverTheFeeIsEligibleAndOneExactlyEqualToItIsNot() {
        BigDecimal noMinimum = BigDecimal.ZERO;

        FeeQuote equal = FeeCalculator.quote(WRONG_NETWORK, raw("20", 6), 6, ONE_DOLLAR, noMinimum);
        FeeQuote justOver = FeeCalculator.quote(WRONG_NETWORK, raw("20", 6).add(BigInteger.ONE), 6, ONE_DOLLAR, noMinimum);

        assertThat(equal.coversFee()).isFalse();
        assertThat(justOver.coversFee()).isTrue();
        assertThat(justOver.refund()).isEqualTo(BigInteger.ONE);
    }

    private static BigInteger raw(String whole, int decimals) {
        return new BigDecimal(whole).movePointRight(decimals).toBigIntegerExact();
    }
}
