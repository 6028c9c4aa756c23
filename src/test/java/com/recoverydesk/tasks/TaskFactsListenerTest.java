package com.recoverydesk.tasks;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.cases.Conversation;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.Pricing;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a specialist reads as the deposit's asset: the chain's coin, or a token named only as text. */
class TaskFactsListenerTest {

    static final NativeCoin BNB = new NativeCoin("BNB", 18, Pricing.fixed(new BigDecimal("600")));

    @Test
    void aNativeTransferIsNamedAsTheChainsCoin() {
        assertThat(TaskFactsListener.asset(facts(null, "BNB"), BNB)).isEqualTo("BNB (native coin)");
    }

    @Test
    void aTokensOwnSymbolCannotTurnIntoALinkOrHeading() {
        assertThat(TaskFactsListener.asset(facts(USDT, "[USDT](https://evil.example)"), BNB))
                .isEqualTo("\\[USDT\\]\\(https://evil\\.example\\) " + USDT);
    }

    @Test
    void aTokenWithoutASymbolIsNotMistakenForTheCoin() {
        assertThat(TaskFactsListener.asset(facts(USDT, null), BNB)).isEqualTo("token without a symbol " + USDT).doesNotContain("BNB");
    }

    @Test
    void theCustomersWordsAreQuotedAsTextWithTheirTimeAndAuthor() {
        Conversation said = new Conversation(List.of(
                new Conversation.Words(Instant.parse("2026-11-25T10:00:00Z"), "alice", Conversation.Kind.NOTE,
                        "Sent over BSC by mistake <script>alert(1)</script>\n[click](https://evil.example) **now**"),
                new Conversation.Words(Instant.parse("2026-11-25T11:30:00Z"), "sam", Conversation.Kind.QUESTION, "Which wallet?"),
                new Conversation.Words(Instant.parse("2026-11-25T12:45:00Z"), "alice", Conversation.Kind.REPLY, "My _Trust_ Wallet & co.")));

        assertThat(TaskFactsListener.conversation(said)).isEqualTo("\n\n#### What the customer wrote"
                + "\n\n**Note with the filing** alice, 2026\\-11\\-25 10\\:00 UTC\n"
                + "\n> Sent over BSC by mistake \\<script\\>alert\\(1\\)\\<\\/script\\>"
                + "\n> \\[click\\]\\(https\\:\\/\\/evil\\.example\\) \\*\\*now\\*\\*"
                + "\n\n**Question asked** sam, 2026\\-11\\-25 11\\:30 UTC\n\n> Which wallet\\?"
                + "\n\n**Reply** alice, 2026\\-11\\-25 12\\:45 UTC\n\n> My \\_Trust\\_ Wallet \\& co\\.");
    }

    @Test
    void aCaseWithoutWordsSaysSo() {
        assertThat(TaskFactsListener.conversation(new Conversation(List.of()))).endsWith("No note and no replies.");
    }

    private static DepositFacts facts(String token, String symbol) {
        return new DepositFacts("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0", token, symbol, 18,
                BigInteger.TEN, 1, 0, 20, Instant.EPOCH);
    }
}
