package com.recoverydesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.Pricing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a specialist reads as the deposit's asset: the chain's coin, or a token named only as text. */
class TaskFactsListenerTest {

    static final NativeCoin BNB = new NativeCoin("BNB", 18, Pricing.fixed(new BigDecimal("600")));
    static final String TOKEN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    @Test
    void aNativeTransferIsNamedAsTheChainsCoin() {
        assertThat(TaskFactsListener.asset(facts(null, "BNB"), BNB)).isEqualTo("BNB (native coin)");
    }

    @Test
    void aTokensOwnSymbolCannotTurnIntoALinkOrHeading() {
        assertThat(TaskFactsListener.asset(facts(TOKEN, "[USDT](https://evil.example)"), BNB))
                .isEqualTo("\\[USDT\\]\\(https://evil\\.example\\) " + TOKEN);
    }

    @Test
    void aTokenWithoutASymbolIsNotMistakenForTheCoin() {
        assertThat(TaskFactsListener.asset(facts(TOKEN, null), BNB)).isEqualTo("token without a symbol " + TOKEN).doesNotContain("BNB");
    }

    private static DepositFacts facts(String token, String symbol) {
        return new DepositFacts("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0", token, symbol, 18,
                BigInteger.TEN, 1, 0, 20, Instant.EPOCH);
    }
}
