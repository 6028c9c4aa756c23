package com.recoverydesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.chain.ChainClients;
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
 * Camunda's job executors. One is killed with kill -9 while refunds run: every case still completes, none
 * twice, and no refund is paid twice. Runs where the suite runs on PostgreSQL (.ci/run's second pass).
 */
@Tag("cluster")
class ClusterKillTest extends IntegrationTest {

    static final String USDT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    static final int CASES = 6;

    @Autowired
    ChainClients chains;
    @Autowired
    DepositKeys keys;
    @Autowired
    ProcessEngine engine;
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
            ChildApplication first = ChildApplication.start(ChildApplication.onTestChains(databaseUrl, databaseUser), dir.resolve("first.log"));
            try (ChildApplication second = ChildApplication.start(ChildApplication.onTestChains(databaseUrl, databaseUser), dir.resolve("second.log"))) {
                Api viaFirst = new Api(first.baseUrl());
                Api viaSecond = new Api(second.baseUrl());
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < CASES; i++) {
                    ids.add(CaseFlow.fileWrongNetwork(i % 2 == 0 ? viaFirst : viaSecond, "bob", "bsc", txs.get(i), bob, USDT, refundTo.get(i)));
                }
                for (String id : ids) {
                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(CaseFlow.status(viaSecond, "bob", id)).isEqualTo("IN_REVIEW"));
                    CaseFlow.approve(viaSecond, "sam", id, "REVIEW");
                    CaseFlow.approve(viaSecond, "wendy", id, "WALLET_APPROVAL");
                }
                deposits.mine("bsc", 3);
                first.kill9();

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
                    assertThat(done.get("transactions")).filteredOn(t -> t.get("purpose").asText().equals("REFUND")).hasSize(1);
                    assertThat(done.get("timeline")).filteredOn(e -> e.get("event").asText().equals("QUEUED_FOR_REVIEW")).hasSize(1);
                }
            } finally {
                first.kill9();
            }
        } finally {
            ownJobExecutor.start();
        }
    }
}
