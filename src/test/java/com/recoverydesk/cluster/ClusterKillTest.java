package com.recoverydesk.cluster;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.refund.Purpose;
import com.recoverydesk.refund.RefundLedger;
import com.recoverydesk.refund.RefundTransaction;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.ChildApplication;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.wallet.DepositKeys;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.web3j.crypto.Keys;

/**
 * Two application processes on one PostgreSQL database (beside this test's own node) share the work through
 * Camunda's job executors. One is killed with kill -9 while it holds a refund (its crash drill stops it between
 * storing the signed refund and broadcasting it): every case still completes, none twice, no refund is paid twice,
 * and the other node broadcasts the held refund within a minute of the kill, with the shipped job lock times
 * (application.yml), not the seconds-short ones of other child-process tests. Runs where the suite runs on
 * PostgreSQL (.ci/run's second pass).
 */
@Tag("cluster")
class ClusterKillTest extends IntegrationTest {

    static final int CASES = 6;
    /** Issue 14: after a kill -9, another node continues a refund within a minute. */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

    @Autowired
    ChainClients chains;
    @Autowired
    DepositKeys keys;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RefundLedger ledger;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username:}")
    String databaseUser;

    @Test
    void killingOneOfTwoNodesMidwayLosesNoCaseAndPaysNoRefundTwice() throws Exception {
        assumeTrue(databaseUrl.startsWith("jdbc:postgresql:"), "two nodes share a PostgreSQL database; this run is on " + databaseUrl);
        TestDeposits deposits = new TestDeposits(chains);
        String bob = keys.depositAddress(2);
        BigInteger amount = new BigInteger("300000000000000000000");
        List<String> txs = new ArrayList<>();
        List<String> refundTo = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            txs.add(deposits.sendToken("bsc", USDT, bob, amount));
            refundTo.add(Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair())));
        }
        deposits.mine("bsc", 15);
        Path dir = Files.createTempDirectory(Path.of("target"), "cluster-");
        // This test's own node shares the database: it stands aside so that the two nodes alone share the work
        // (its job executor would otherwise be a third one, with the suite's short retry cycle).
        JobExecutor ownJobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        ownJobExecutor.shutdown();

        try {
            Map<String, String> held = shippedLockTimes(ChildApplication.onTestChains(databaseUrl, databaseUser));
            held.put("recovery.drill.crash-at", "AFTER_COMMIT_BEFORE_BROADCAST");
            ChildApplication first = ChildApplication.start(held, dir.resolve("first.log"));
            try (ChildApplication second = ChildApplication.start(shippedLockTimes(ChildApplication.onTestChains(databaseUrl, databaseUser)),
                    dir.resolve("second.log"))) {
                Api viaFirst = new Api(first.baseUrl());
                Api viaSecond = new Api(second.baseUrl());
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < CASES; i++) {
                    ids.add(CaseFlow.fileWrongNetwork(i % 2 == 0 ? viaFirst : viaSecond, "bob", "bsc", txs.get(i), bob, USDT, refundTo.get(i)));
                }
                // approved through the node that will be killed: a job created in a node's transaction is hinted to
                // that node's own job executor, so the first refund steps start there and its drill is reached
                for (String id : ids) {
                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(CaseFlow.status(viaSecond, "bob", id)).isEqualTo("IN_REVIEW"));
                    CaseFlow.approve(viaFirst, "sam", id, "REVIEW");
                    CaseFlow.approve(viaFirst, "wendy", id, "WALLET_APPROVAL");
                }
                // the first node stops inside a refund's broadcast job, holding its lock, and is killed there
                first.awaitLog("CRASH DRILL", Duration.ofSeconds(180), () -> deposits.mine("bsc", 1));
                first.kill9();
                long killedAt = System.nanoTime();
                // the held refund's broadcast job, still locked by the dead node; the other node running it is the next step
                List<String> holding = ledger.of(ids).stream()
                        .filter(tx -> tx.purpose() == Purpose.REFUND && tx.status() == RefundTransaction.Status.SIGNED)
                        .map(RefundTransaction::caseId).toList();
                assertThat(holding).as("the refund the killed node held").isNotEmpty();
                List<String> heldJobs = holding.stream()
                        .flatMap(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                                .processDefinitionKey("refundExecution").list().stream())
                        .flatMap(p -> engine.getManagementService().createJobQuery().processInstanceId(p.getId()).activityId("broadcastTransfers")
                                .list().stream())
                        .map(org.camunda.bpm.engine.runtime.Job::getId).toList();
                assertThat(heldJobs).as("the broadcast job the killed node held").isNotEmpty();
                await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(200)).until(() ->
                        engine.getManagementService().createJobQuery().jobIds(new java.util.HashSet<>(heldJobs)).count() == 0);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.println("TAKEOVER after kill -9: " + takeover.toMillis() + " ms (limit " + TAKEOVER_LIMIT.toSeconds() + " s)");
                Files.writeString(Path.of("target", "cluster-takeover.txt"), takeover.toMillis() + "\n");

                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    deposits.mine("bsc", 3);
                    for (String id : ids) {
                        assertThat(CaseFlow.status(viaSecond, "bob", id)).as(id).isEqualTo("COMPLETED");
                    }
                });
                for (int i = 0; i < CASES; i++) {
                    JsonNode done = viaSecond.get("bob", "/api/v1/cases/" + ids.get(i)).body();
                    BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
                    assertThat(CaseFlow.tokenBalance(chains, "bsc", USDT, refundTo.get(i))).as("paid once to case " + i).isEqualTo(amount.subtract(fee));
                    // one refund mined; a stuck one may have been replaced at its nonce, and its other attempts are NOT_MINED
                    assertThat(done.get("transactions")).filteredOn(t -> t.get("purpose").asText().equals("REFUND"))
                            .extracting(t -> t.get("status").asText()).containsOnlyOnce("CONFIRMED").isSubsetOf("CONFIRMED", "NOT_MINED");
                    assertThat(done.get("timeline")).filteredOn(e -> e.get("event").asText().equals("QUEUED_FOR_REVIEW")).hasSize(1);
                }
            } finally {
                first.kill9();
            }
        } finally {
            ownJobExecutor.start();
        }
    }

    /** The job lock and acquisition times of application.yml, which this test measures, instead of the support's short ones. */
    private static Map<String, String> shippedLockTimes(Map<String, String> settings) {
        Map<String, String> shipped = new HashMap<>(settings);
        shipped.remove("camunda.bpm.job-execution.lock-time-in-millis");
        shipped.remove("camunda.bpm.job-execution.wait-time-in-millis");
        shipped.remove("camunda.bpm.job-execution.max-wait");
        return shipped;
    }
}
