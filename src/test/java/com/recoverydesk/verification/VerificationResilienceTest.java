package com.recoverydesk.verification;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;

/**
 * A node that is down delays a case and never loses it; racing filings leave one case; a verification reads the chain in
 * one round trip, and one more only for a sender that did not sign the transaction.
 */
class VerificationResilienceTest extends IntegrationTest {

    @Autowired
    ChainClients chains;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    /** The head follower polls bsc while other tests' cases wait there; it stands aside while a test counts round trips. */
    @Autowired
    @Qualifier("headFollower")
    SmartLifecycle follower;

    Api api;
    TestDeposits deposits;
    String alice;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
        deposits = new TestDeposits(chains);
        alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
    }

    @AfterEach
    void nodeBackUp() {
        POLYGON_NODE.up();
        if (!follower.isRunning()) {
            follower.start();
        }
    }

    @Test
    void aNodeThatIsDownWhenTheCaseIsFiledDelaysItWithAnIncidentAndTheCaseGoesOnWhenTheNodeIsBack() {
        String tx = deposits.sendNative("polygon", alice, new BigInteger("500000000000000000000")); // 500 POL, worth 250 USD
        deposits.mine("polygon", 3);
        POLYGON_NODE.down();

        String id = file(VerificationFlowTest.form("WRONG_NETWORK", "polygon", tx, alice, null));

        Incident incident = await().atMost(Duration.ofSeconds(60)).until(() -> incidentOf(id), i -> i != null);
        assertThat(management.createJobQuery().jobId(incident.getConfiguration()).singleResult().getExceptionMessage())
                .contains("The polygon node could not be reached");
        assertThat(status(id)).isEqualTo("VERIFYING");

        POLYGON_NODE.up();
        management.setJobRetries(incident.getConfiguration(), 1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        assertThat(incidentOf(id)).isNull();
    }

    @Test
    void twoConcurrentFilingsOfOneDepositLeaveExactlyOneOpenCase() throws Exception {
        String tx = deposits.sendToken("bsc", USDT, alice, VerificationFlowTest.USDT_ON_BSC);
        deposits.mine("bsc", 15);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> fileIt = () -> {
            start.await();
            return api.post("alice", "/api/v1/cases", VerificationFlowTest.form("WRONG_NETWORK", "bsc", tx, alice, USDT)).status();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = List.of(pool.submit(fileIt), pool.submit(fileIt));
            start.countDown();

            assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from recovery.recovery_case where tx_hash = :tx").param("tx", tx).query(Long.class).single())
                .isOne();
    }

    @Test
    void aTokenDepositItsSenderSignedIsVerifiedAndPricedInOneRoundTrip() {
        String tx = deposits.sendToken("bsc", USDT, alice, VerificationFlowTest.USDT_ON_BSC);
        deposits.mine("bsc", 15);
        follower.stop(); // the deposit is final before filing: the case never waits for a head
        long before = chains.roundTrips("bsc");

        String id = file(VerificationFlowTest.form("WRONG_NETWORK", "bsc", tx, alice, USDT));
        JsonNode reviewed = awaitInReview(id);

        // one batch: the transaction, its receipt, the head, the token's decimals and symbol, bsc's USDT/USD feed; the
        // sender signed the transaction, so it holds a key and its code is not asked
        assertThat(chains.roundTrips("bsc") - before).isEqualTo(1);
        assertThat(reviewed.get("price").get("source").asText()).isEqualTo("FEED");
        assertThat(reviewed.get("price").get("feedChain").asText()).isEqualTo("bsc");
        assertThat(reviewed.get("price").get("usd").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(reviewed.get("timeline")).extracting(e -> e.get("event").asText()).doesNotContain("SENDER_IS_CONTRACT");
    }

    @Test
    void aNativeDepositIsVerifiedAndPricedInOneRoundTrip() {
        String tx = deposits.sendNative("bsc", alice, new BigInteger("500000000000000000")); // 0.5 BNB, 300 USD on the devnet feed
        deposits.mine("bsc", 15);
        follower.stop(); // the deposit is final before filing: the case never waits for a head
        long before = chains.roundTrips("bsc");

        String id = file(VerificationFlowTest.form("WRONG_NETWORK", "bsc", tx, alice, null));
        JsonNode reviewed = awaitInReview(id);

        assertThat(chains.roundTrips("bsc") - before).isEqualTo(1);
        assertThat(reviewed.get("price").get("source").asText()).isEqualTo("FEED");
        assertThat(reviewed.get("price").get("usd").decimalValue()).isEqualByComparingTo("600.00");
    }

    @Test
    void tokensAContractForwardedCostOneMoreRoundTripForTheSendersCode() {
        String forwarder = deposits.deploy("bsc", "TokenForwarder", null, TestDeposits.RICH);
        deposits.sendToken("bsc", USDT, forwarder, VerificationFlowTest.USDT_ON_BSC);
        String tx = deposits.call("bsc", TestDeposits.RICH, forwarder, FunctionEncoder.encode(new Function("forward",
                List.<Type>of(new Address(USDT), new Address(alice), new Uint256(VerificationFlowTest.USDT_ON_BSC)),
                List.of())));
        deposits.mine("bsc", 15);
        follower.stop(); // the deposit is final before filing: the case never waits for a head
        long before = chains.roundTrips("bsc");

        String id = file(VerificationFlowTest.form("WRONG_NETWORK", "bsc", tx, alice, USDT));
        JsonNode reviewed = awaitInReview(id);

        // the deposit batch names the forwarder as the sender, not the signer: only then is the sender's code asked
        assertThat(chains.roundTrips("bsc") - before).isEqualTo(2);
        assertThat(reviewed.get("facts").get("from").asText()).isEqualTo(Keys.toChecksumAddress(forwarder));
        assertThat(reviewed.get("timeline")).extracting(e -> e.get("event").asText()).contains("SENDER_IS_CONTRACT");
    }

    private JsonNode awaitInReview(String id) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(id)).isEqualTo("IN_REVIEW"));
        return api.get("alice", "/api/v1/cases/" + id).body();
    }

    private String file(Object form) {
        Api.Answer answer = api.post("alice", "/api/v1/cases", form);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private String status(String id) {
        return api.get("alice", "/api/v1/cases/" + id).body().get("status").asText();
    }

    /** The root-cause incident (a call activity's caller carries a copy pointing to it). */
    private Incident incidentOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(p -> runtime.createIncidentQuery().processInstanceId(p.getId()).list().stream())
                .filter(i -> i.getId().equals(i.getRootCauseIncidentId()))
                .findFirst().orElse(null);
    }
}
