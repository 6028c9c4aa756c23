package com.recoverydesk.policy;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.StoredCases;
import com.recoverydesk.support.TestDeposits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared test context runs the shipped default, {@code dry-run}: the table decides and its decision is recorded,
 * but people still decide. And a reservation against the caps is given back when its case ends without payment.
 */
class DryRunAndCapsTest extends IntegrationTest {


    @Autowired
    ChainClients chains;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PolicyLedger ledger;
    @Autowired
    CaseTransitions transitions;
    @Autowired
    Timeline timeline;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Test
    void inDryRunTheTableDecidesAndIsRecordedButPeopleStillDecide() {
        Api api = new Api(baseUrl());
        TestDeposits deposits = new TestDeposits(chains);
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        // the first row that matches depends on alice's history in this shared context: three rejections come first
        long rejected = api.getAll("alice", "/api/v1/cases").stream().filter(c -> c.get("status").asText().equals("REJECTED")).count();
        String tx = deposits.sendToken("bsc", USDT, alice, new BigInteger("300000000000000000000"));
        deposits.mine("bsc", 16);

        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", tx, alice, USDT, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        JsonNode held = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            deposits.mine("bsc", 1);
            return api.get("alice", "/api/v1/cases/" + id).body();
        }, c -> c.get("status").asText().equals("IN_REVIEW"));

        JsonNode policy = held.get("policy");
        String rule = rejected >= 3 ? "repeated-rejections" : "refund-not-to-sender";
        String decision = rejected >= 3 ? "REJECT" : "REVIEW";
        assertThat(policy.get("mode").asText()).isEqualTo("dry-run");
        assertThat(policy.get("decision").asText()).isEqualTo(decision);
        assertThat(policy.get("rule").asText()).isEqualTo(rule);
        assertThat(policy.get("route").asText()).isEqualTo("REVIEW");
        assertThat(policy.get("note").asText()).isEqualTo("Dry run: people decide this case.");
        assertThat(held.get("timeline")).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("policy");
            assertThat(e.get("event").asText()).isEqualTo("POLICY_DECIDED");
            assertThat(e.get("message").asText()).startsWith(decision + " by rule " + rule + " of recoveryPolicy version ")
                    .endsWith(" (mode dry-run)" + (decision.equals("REJECT") ? ", reason REPEATED_REJECTIONS" : "")
                            + ". Dry run: people decide this case.");
        });
        // a specialist has the case, and the desk shows the table's decision next to the task
        assertThat(CaseFlow.taskOf(api, "sam", id, "REVIEW")).isNotBlank();
        JsonNode desk = api.get("sam", "/api/v1/desk/cases/" + id).body();
        assertThat(desk.get("case").get("policy").get("rule").asText()).isEqualTo(rule);
        assertThat(api.post("alice", "/api/v1/cases/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aReservationIsGivenBackWhenItsCaseEndsWithoutPaymentAndKeptWhenItIsPaid() {
        String customer = "caps-" + UUID.randomUUID();
        StoredCases stored = new StoredCases(jdbc);
        Instant now = clock.instant();
        String unpaid = stored.insert(customer, "REFUNDING", now);
        String paid = stored.insert(customer, "REFUNDING", now);
        PolicyOutcome approved = new PolicyOutcome("AUTO_APPROVE", null, "clean-listed-direct-to-sender", 1);
        transactions.executeWithoutResult(s -> {
            ledger.record(unpaid, customer, StraightThroughMode.ON, approved, "AUTO_APPROVE", null, new BigDecimal("300.00"), now);
            ledger.record(paid, customer, StraightThroughMode.ON, approved, "AUTO_APPROVE", null, new BigDecimal("200.00"), now);
        });
        assertThat(ledger.reservedSince(now.minus(Duration.ofHours(1)), customer)).isEqualByComparingTo("500");

        transactions.executeWithoutResult(s -> {
            transitions.move(paid, CaseStatus.COMPLETED, "system", "REFUNDED", "Refunded.");
            transitions.close(unpaid, CaseStatus.CANCELLED, ReasonCode.CANCELLED_BY_USER, customer, "CANCELLED", null);
        });

        assertThat(ledger.reservedSince(now.minus(Duration.ofHours(1)), customer)).isEqualByComparingTo("200");
        assertThat(timeline.of(unpaid)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("policy");
            assertThat(e.event()).isEqualTo("POLICY_CAP_RELEASED");
        });
        assertThat(timeline.of(paid)).noneSatisfy(e -> assertThat(e.event()).isEqualTo("POLICY_CAP_RELEASED"));
        // a reservation older than the window no longer counts
        assertThat(ledger.reservedSince(now.plus(Duration.ofMinutes(1)), customer)).isEqualByComparingTo("0");
    }
}
