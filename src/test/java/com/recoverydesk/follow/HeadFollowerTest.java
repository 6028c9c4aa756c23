package com.recoverydesk.follow;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.MutableClock;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.verification.VerificationSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The head follower on real anvil chains: cases wake when their head is reached, and a second node takes a chain over. */
class HeadFollowerTest extends IntegrationTest {

    static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final BigInteger USDT_ON_BSC = new BigInteger("250000000000000000000");
    /** chains-test.yml: bsc's block-time, the pace its head is followed at. */
    static final Duration BSC_BLOCK_TIME = Duration.ofMillis(500);

    @Autowired
    ChainClients chains;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    HeadFollower follower;
    @Autowired
    FollowSettings settings;
    @Autowired
    RecoveryRules rules;
    @Autowired
    ChainWaits waits;
    @Autowired
    HeadReads reads;
    @Autowired
    CaseWakes wakes;
    @Autowired
    VerificationSettings verification;

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
    void aDepositShortOfConfirmationsIsWokenByTheHeadThatGivesItTheLastOne_notBefore_andWithinABlockTime() {
        String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
        long minedIn = deposits.receipt("bsc", tx).getBlockNumber().longValueExact();
        String id = file(tx);

        // the follower read the receipt in its batch and knows the head the deposit waits for: its block + 15 - 1
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(targetOf(id)).isEqualTo(minedIn + 14));
        long head = reads.head("bsc");
        deposits.mine("bsc", (int) (minedIn + 13 - head));
        await().pollDelay(BSC_BLOCK_TIME.multipliedBy(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(reads.head("bsc")).isEqualTo(minedIn + 13));
        assertThat(status(id)).as("one confirmation short: not woken").isEqualTo("VERIFYING");
        assertThat(targetOf(id)).isEqualTo(minedIn + 14);

        Instant lastConfirmation = clock.instant();
        deposits.mine("bsc", 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        Instant confirmed = Instant.parse(entry(id, "DEPOSIT_CONFIRMED").get("at").asText());
        // the follower polls at the block time; the woken read of the chain is the case's own step
        assertThat(Duration.between(lastConfirmation, confirmed)).isLessThan(BSC_BLOCK_TIME.plusMillis(1500));
        assertThat(entry(id, "DEPOSIT_CONFIRMED").get("message").asText()).contains("with 15 confirmations");
        assertThat(jdbc.sql("select count(*) from recovery.chain_wait where case_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aDepositTheNodeHasNotMinedWhenFiledIsFollowedFromTheBlockThatMinesIt() throws Exception {
        String tx;
        String id;
        automine(false);
        try {
            tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
            id = file(tx);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("select count(*) from recovery.chain_wait"
                    + " where case_id = ? and target_block is null").param(id).query(Long.class).single()).isOne());
            await().pollDelay(BSC_BLOCK_TIME.multipliedBy(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(targetOf(id)).as("not mined: no target yet").isNull();
            deposits.mine("bsc", 1);
        } finally {
            automine(true);
        }
        long minedIn = deposits.receipt("bsc", tx).getBlockNumber().longValueExact();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(targetOf(id)).isEqualTo(minedIn + 14));

        deposits.mine("bsc", 14);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
    }

    @Test
    void theChainIsFollowedByOneNodeWhoseLeaseTheDatabaseHolds() {
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.follows("bsc"));
        ChainLease another = new ChainLease(jdbc, clock, settings.getLeaseDuration(), "another-node");

        assertThat(another.hold("bsc")).as("held by this node").isFalse();
        assertThat(follower.holderOf("bsc")).isPresent().get().isNotEqualTo("another-node");
    }

    @Test
    void aSecondNodeTakesTheChainOverWithinTheLeaseWhenItsFollowerDies_andWakesTheCasesWaitingThere() {
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.follows("bsc"));
        String first = follower.holderOf("bsc").orElseThrow();
        HeadFollower second = new HeadFollower(settings, jdbc, clock, rules, waits, reads, wakes, chains, verification, new SimpleMeterRegistry());
        second.start();
        try {
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(second.follows("bsc")).as("the first node holds the lease").isFalse();

            Instant died = clock.instant();
            follower.die();
            await().atMost(settings.getLeaseDuration().plusSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> second.follows("bsc"));
            Duration takeover = Duration.between(died, clock.instant());
            assertThat(takeover).isLessThanOrEqualTo(settings.getLeaseDuration().plusSeconds(1));
            assertThat(follower.holderOf("bsc")).isPresent().get().isNotEqualTo(first);

            String tx = deposits.sendToken("bsc", USDT, alice, USDT_ON_BSC);
            String id = file(tx);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(targetOf(id)).isNotNull());
            deposits.mine("bsc", 15);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        } finally {
            second.stop();
            follower.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.follows("bsc"));
    }

    @Test
    void operatorsSeeEachChainsFollowedHeadItsLagAndTheRoundTripsPerBlockInPrometheus() {
        deposits.mine("bsc", 1);
        long head = reads.head("bsc");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(prometheus())
                .contains("recovery_follow_head{chain=\"bsc\"} " + head + ".0")
                .contains("recovery_follow_leader{chain=\"bsc\"} 1.0")
                .containsPattern("recovery_follow_lag_seconds\\{chain=\"bsc\"} [0-9.]+")
                .contains("recovery_follow_rpc_per_block_count{chain=\"bsc\"}")
                .contains("recovery_follow_waiting{chain=\"bsc\"}"));
    }

    private String prometheus() throws Exception {
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/actuator/prometheus")).header("Accept", "text/plain")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private void automine(boolean on) throws Exception {
        var answer = new org.web3j.protocol.core.Request<>("evm_setAutomine", java.util.List.of(on), chains.service("bsc"),
                TestDeposits.Plain.class).send();
        assertThat(answer.hasError()).as("evm_setAutomine").isFalse();
    }

    private Long targetOf(String caseId) {
        return jdbc.sql("select target_block from recovery.chain_wait where case_id = ?").param(caseId).query(Long.class).optional().orElse(null);
    }

    private String file(String tx) {
        Api.Answer filed = api.post("alice", "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", tx,
                "depositAddress", alice, "tokenContract", USDT, "refundAddress", REFUND));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private String status(String id) {
        return api.get("alice", "/api/v1/cases/" + id).body().get("status").asText();
    }

    private JsonNode entry(String id, String event) {
        for (JsonNode e : api.get("alice", "/api/v1/cases/" + id).body().get("timeline")) {
            if (e.get("event").asText().equals(event)) {
                return e;
            }
        }
        throw new AssertionError("no " + event + " on the timeline of " + id);
    }
}
