package com.recoverydesk.review;

import static com.recoverydesk.support.DevnetContracts.GEM;
import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Outcomes that ran but no test drove, each from a real deposit on anvil: who holds a deposit and when a case lets
 * it go, the wallet team's rejection, the unlisted-token minimum after a valuation, and claiming a task.
 */
class CaseOutcomesTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    ChainClients chains;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    Api api;
    TestDeposits deposits;
    String alice;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
    }

    @Test
    void aRefundedDepositIsAlreadyClaimedForAnyLaterCase() {
        String tx = usdtOnBsc("250");
        String first = inReview(file("WRONG_NETWORK", "bsc", tx, USDT));
        CaseFlow.approve(api, "sam", first, "REVIEW");
        CaseFlow.approve(api, "wendy", first, "WALLET_APPROVAL");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            deposits.mine("bsc", 3);
            assertThat(status(first)).isEqualTo("COMPLETED");
        });

        String again = file("WRONG_NETWORK", "bsc", tx, USDT);

        JsonNode rejected = awaitStatus(again, "REJECTED");
        assertThat(rejected.get("reasonCode").asText()).isEqualTo("ALREADY_CLAIMED");
        assertThat(rejected.get("reasonMessage").asText()).isEqualTo("This deposit is already part of another recovery case.");
    }

    @Test
    void aRejectedCaseReleasesItsDeposit() {
        String tx = usdtOnBsc("250");
        String first = inReview(file("WRONG_NETWORK", "bsc", tx, USDT));
        assertThat(decide("sara", first, "REVIEW", Map.of("decision", "REJECT", "reason", "Filed by mistake.")).status()).isEqualTo(200);
        assertThat(status(first)).isEqualTo("REJECTED");

        assertThat(status(inReview(file("WRONG_NETWORK", "bsc", tx, USDT)))).isEqualTo("IN_REVIEW");
    }

    @Test
    void aCancelledCaseReleasesItsDeposit() {
        String tx = usdtOnBsc("250");
        String first = inReview(file("WRONG_NETWORK", "bsc", tx, USDT));
        assertThat(api.post("alice", "/api/v1/cases/" + first + "/cancel", Map.of()).status()).isEqualTo(200);

        assertThat(status(inReview(file("WRONG_NETWORK", "bsc", tx, USDT)))).isEqualTo("IN_REVIEW");
    }

    @Test
    void aCaseClosedWithoutReplyReleasesItsDeposit() {
        String tx = usdtOnBsc("250");
        String first = inReview(file("WRONG_NETWORK", "bsc", tx, USDT));
        assertThat(decide("sam", first, "REVIEW", Map.of("decision", "REQUEST_INFO", "message", "Send a screenshot.")).status())
                .isEqualTo(200);
        management.executeJob(replyDeadline(first).getId());
        assertThat(status(first)).isEqualTo("CLOSED_NO_REPLY");

        assertThat(status(inReview(file("WRONG_NETWORK", "bsc", tx, USDT)))).isEqualTo("IN_REVIEW");
    }

    @Test
    void theWalletTeamsRejectionClosesTheCaseAndReleasesTheDeposit() {
        String tx = usdtOnBsc("250");
        String id = inReview(file("WRONG_NETWORK", "bsc", tx, USDT));
        CaseFlow.approve(api, "sam", id, "REVIEW");

        Api.Answer rejected = decide("wendy", id, "WALLET_APPROVAL", Map.of("decision", "REJECT", "reason", "The deposit key is frozen."));

        assertThat(rejected.status()).isEqualTo(200);
        JsonNode c = awaitStatus(id, "REJECTED");
        assertThat(c.get("reasonCode").asText()).isEqualTo("REJECTED_BY_WALLET");
        assertThat(c.get("reasonMessage").asText()).isEqualTo("The wallet team did not approve this refund. The deposit key is frozen.");
        assertThat(c.get("transactions")).isEmpty();
        assertThat(status(inReview(file("WRONG_NETWORK", "bsc", tx, USDT)))).isEqualTo("IN_REVIEW");
    }

    @Test
    void anUnlistedTokenValuedUnderTheMinimumIsBelowFeeAndOneValuedAtItGoesOn() {
        String under = inReview(file("UNLISTED_TOKEN", "ethereum", gemOnEthereum(), GEM));
        String at = inReview(file("UNLISTED_TOKEN", "ethereum", gemOnEthereum(), GEM));

        assertThat(decide("sam", under, "REVIEW", Map.of("decision", "APPROVE", "valuationUsd", "299.99")).status()).isEqualTo(200);
        assertThat(decide("sam", at, "REVIEW", Map.of("decision", "APPROVE", "valuationUsd", "300")).status()).isEqualTo(200);

        JsonNode belowFee = awaitStatus(under, "REJECTED");
        assertThat(belowFee.get("reasonCode").asText()).isEqualTo("BELOW_FEE");
        assertThat(belowFee.get("reasonMessage").asText()).isEqualTo("The deposit is worth less than the recovery fee (or the minimum"
                + " worth recovering). The fee would be 500.016667222240741359 GEM: 10% of 299.99 USD, at least 50 and at most 1000 USD:"
                + " the minimum fee, 50 USD.");
        JsonNode goesOn = awaitStatus(at, "AWAITING_APPROVAL");
        assertThat(goesOn.get("fee").get("usd").decimalValue()).isEqualByComparingTo("50");
        assertThat(goesOn.get("price").get("source").asText()).isEqualTo("SPECIALIST");
        assertThat(goesOn.get("price").get("usd").decimalValue()).isEqualByComparingTo("0.1"); // 300 USD for 3000 GEM
    }

    @Test
    void aClaimedTaskIsTheClaimersAndAnotherSpecialistGetsAConflict() {
        String id = inReview(file("WRONG_NETWORK", "bsc", usdtOnBsc("250"), USDT));
        String task = CaseFlow.taskOf(api, "sam", id, "REVIEW");

        Api.Answer claimed = api.post("sam", "/api/v1/tasks/" + task + "/claim", Map.of());
        Api.Answer secondClaim = api.post("sara", "/api/v1/tasks/" + task + "/claim", Map.of());
        Api.Answer secondCompletion = api.post("sara", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "APPROVE"));

        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("assignee").asText()).isEqualTo("sam");
        assertThat(secondClaim.status()).isEqualTo(409);
        assertThat(secondClaim.body().get("code").asText()).isEqualTo("TASK_CLAIMED");
        assertThat(secondClaim.body().get("assignee").asText()).isEqualTo("sam");
        assertThat(secondCompletion.status()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        assertThat(api.post("sam", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");
    }

    private Job replyDeadline(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .findFirst().orElseThrow();
    }

    /** 3000 GEM, a token no chain lists, to alice's address on ethereum, the chain it was issued for. */
    private String gemOnEthereum() {
        String tx = deposits.sendToken("ethereum", GEM, alice, new BigInteger("3000000000000000000000"));
        deposits.mine("ethereum", 12);
        return tx;
    }

    private String usdtOnBsc(String whole) {
        String tx = deposits.sendToken("bsc", USDT, alice, new BigDecimal(whole).movePointRight(18).toBigIntegerExact());
        deposits.mine("bsc", 15);
        return tx;
    }

    private String file(String type, String chain, String tx, String token) {
        return CaseFlow.file(api, "alice", type, chain, tx, alice, token, REFUND);
    }

    private String inReview(String id) {
        awaitStatus(id, "IN_REVIEW");
        return id;
    }

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals(status));
        return api.get("alice", "/api/v1/cases/" + id).body();
    }

    private String status(String id) {
        return CaseFlow.status(api, "alice", id);
    }

    private Api.Answer decide(String user, String caseId, String kind, Map<String, Object> decision) {
        return CaseFlow.decide(api, user, caseId, kind, decision);
    }
}
