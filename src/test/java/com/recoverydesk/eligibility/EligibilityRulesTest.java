package com.recoverydesk.eligibility;

import static com.recoverydesk.support.DevnetContracts.GEM;
import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseType;
import com.recoverydesk.cases.DepositFacts;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.ChainsFileLoader;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.RefundTo;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EligibilityRulesTest {

    private static final RecoveryRules RULES = new ChainsFileLoader(new MockEnvironment()::resolveRequiredPlaceholders)
            .load(Path.of("chains.yml"));
    private static final ChainConfig ETHEREUM = RULES.chain("ethereum").orElseThrow();
    private static final ChainConfig BSC = RULES.chain("bsc").orElseThrow();
    private static final Optional<AddressHolder> ALICE_ON_ETHEREUM = Optional.of(new AddressHolder("alice", Set.of("ethereum")));
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void letsAWrongNetworkDepositOfAListedTokenThrough() {
        assertThat(EligibilityRules.screen(filing(CaseType.WRONG_NETWORK, "bsc", USDT), BSC, ALICE_ON_ETHEREUM)).isEmpty();
    }

    @Test
    void letsAnUnlistedTokenOnTheAddressesOwnChainThrough() {
        assertThat(EligibilityRules.screen(filing(CaseType.UNLISTED_TOKEN, "ethereum", GEM), ETHEREUM, ALICE_ON_ETHEREUM)).isEmpty();
    }

    @Test
    void rejectsAnUnsupportedChainBeforeAnythingElse() {
        ChainConfig tron = RULES.chain("tron").orElseThrow();

        assertThat(code(EligibilityRules.screen(filing(CaseType.WRONG_NETWORK, "tron", USDT), tron, Optional.empty())))
                .isEqualTo(ReasonCode.CHAIN_UNSUPPORTED);
    }

    @Test
    void rejectsAnAddressTheExchangeNeverIssued() {
        assertThat(code(EligibilityRules.screen(filing(CaseType.WRONG_NETWORK, "bsc", USDT), BSC, Optional.empty())))
                .isEqualTo(ReasonCode.NOT_A_DEPOSIT_ADDRESS);
    }

    @Test
    void rejectsAClaimOnSomeoneElsesDepositAddress() {
        Optional<AddressHolder> bobs = Optional.of(new AddressHolder("bob", Set.of("ethereum")));

        assertThat(code(EligibilityRules.screen(filing(CaseType.WRONG_NETWORK, "bsc", USDT), BSC, bobs)))
                .isEqualTo(ReasonCode.NOT_YOUR_DEPOSIT_ADDRESS);
    }

    @Test
    void rejectsAWrongNetworkCaseOnTheChainTheAddressWasIssuedFor() {
        assertThat(code(EligibilityRules.screen(filing(CaseType.WRONG_NETWORK, "ethereum", USDT), ETHEREUM, ALICE_ON_ETHEREUM)))
                .isEqualTo(ReasonCode.WRONG_CASE_TYPE);
    }

    @Test
    void rejectsAListedTokenOnItsRightChainAsTheWrongKindOfCase() {
        assertThat(code(EligibilityRules.screen(filing(CaseType.UNLISTED_TOKEN, "ethereum", USDT), ETHEREUM, ALICE_ON_ETHEREUM)))
                .isEqualTo(ReasonCode.WRONG_CASE_TYPE);
    }

    @Test
    void rejectsAnUnlistedTokenCaseForTheNativeCoin() {
        assertThat(code(EligibilityRules.screen(filing(CaseType.UNLISTED_TOKEN, "ethereum", null), ETHEREUM, ALICE_ON_ETHEREUM)))
                .isEqualTo(ReasonCode.WRONG_CASE_TYPE);
    }

    @Test
    void acceptsADepositJustInsideTheMaximumAgeAndRejectsOneJustOutside() {
        Duration limit = ETHEREUM.maxDepositAge();

        assertThat(EligibilityRules.judge(facts(NOW.minus(limit)), ETHEREUM, NOW, false)).isEmpty();
        assertThat(code(EligibilityRules.judge(facts(NOW.minus(limit).minusSeconds(1)), ETHEREUM, NOW, false)))
                .isEqualTo(ReasonCode.DEPOSIT_TOO_OLD);
    }

    @Test
    void rejectsADepositTheExchangeAlreadyCredited() {
        assertThat(code(EligibilityRules.judge(facts(NOW.minusSeconds(60)), ETHEREUM, NOW, true)))
                .isEqualTo(ReasonCode.ALREADY_CREDITED);
    }

    private static ReasonCode code(Optional<Ineligibility> verdict) {
        return verdict.map(Ineligibility::code).orElse(null);
    }

    private static DepositFacts facts(Instant blockTime) {
        return new DepositFacts("0x0000000000000000000000000000000000000001", "0x0000000000000000000000000000000000000002",
                USDT, "USDT", 6, BigInteger.valueOf(1_000_000), 10, 0, 20, blockTime);
    }

    @Test
    void withRefundToSenderARefundAddressOtherThanTheSenderIsRefused() {
        String sender = "0x0000000000000000000000000000000000000001";

        assertThat(EligibilityRules.refundDestination(RefundTo.SENDER, "0x0000000000000000000000000000000000000002", sender))
                .get().extracting(Ineligibility::code).isEqualTo(ReasonCode.REFUND_ADDRESS_NOT_SENDER);
        assertThat(EligibilityRules.refundDestination(RefundTo.SENDER, sender, sender)).isEmpty();
        assertThat(EligibilityRules.refundDestination(RefundTo.SENDER, null, sender)).isEmpty();
        assertThat(EligibilityRules.refundDestination(RefundTo.ANY, "0x0000000000000000000000000000000000000002", sender)).isEmpty();
    }

    private static RecoveryCase filing(CaseType type, String chain, String token) {
        return new RecoveryCase("case-1", "alice", type, CaseStatus.VERIFYING, chain,
                "0x" + "ab".repeat(32), "0x9858EfFD232B4033E47d90003D41EC34EcaEda94", token,
                "0x0000000000000000000000000000000000000003", null, null, null, null, null, null, null, NOW, NOW);
    }
}
