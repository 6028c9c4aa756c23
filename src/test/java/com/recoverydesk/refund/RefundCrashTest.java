package com.recoverydesk.refund;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Keys;

/**
 * kill -9 of the application at each point of a refund, then a restart on the same database: the case
 * completes and the refund address received the amount exactly once. The application runs as its own process.
 */
@Tag("process-crash") // its application processes run on their own H2 files, whatever database the suite uses
class RefundCrashTest extends IntegrationTest {


    @Autowired
    ChainClients chains;
    @Autowired
    DepositKeys keys;

    @ParameterizedTest
    @ValueSource(strings = {CrashDrill.AFTER_SIGNING_BEFORE_COMMIT, CrashDrill.AFTER_COMMIT_BEFORE_BROADCAST,
            CrashDrill.AFTER_BROADCAST_BEFORE_CONFIRMATION})
    void aRefundKilledAtAnyPointIsPaidExactlyOnceAfterARestart(String point) throws Exception {
        TestDeposits deposits = new TestDeposits(chains);
        String bob = keys.depositAddress(2);
        String refundTo = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
        BigInteger amount = new BigInteger("400000000000000000000"); // 400 USDT: fee 20 USD
        String tx = deposits.sendToken("bsc", USDT, bob, amount);
        deposits.mine("bsc", 15);
        Path dir = Files.createTempDirectory(Path.of("target"), "crash-");
        Map<String, String> settings = ChildApplication.onTestChains("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";FILE_LOCK=NO;WRITE_DELAY=0", "sa");

        String id;
        freshHeads(deposits);
        try (ChildApplication first = ChildApplication.start(withDrill(settings, point), dir.resolve("first.log"))) {
            Api api = new Api(first.baseUrl());
            id = CaseFlow.fileWrongNetwork(api, "bob", "bsc", tx, bob, USDT, refundTo);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(CaseFlow.status(api, "bob", id)).isEqualTo("IN_REVIEW"));
            CaseFlow.approve(api, "sam", id, "REVIEW");
            CaseFlow.approve(api, "wendy", id, "WALLET_APPROVAL");
            first.awaitLog("CRASH DRILL: " + point, Duration.ofSeconds(120), () -> deposits.mine("bsc", 2));
            first.kill9();
        }

        freshHeads(deposits);
        try (ChildApplication second = ChildApplication.start(settings, dir.resolve("second.log"))) {
            Api api = new Api(second.baseUrl());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                deposits.mine("bsc", 2);
                assertThat(CaseFlow.status(api, "bob", id)).isEqualTo("COMPLETED");
            });
            JsonNode done = api.get("bob", "/api/v1/cases/" + id).body();
            BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
            assertThat(CaseFlow.tokenBalance(chains, "bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
            // and the sweep of the top-up's leftover, when it was worth its gas
            assertThat(done.get("transactions")).extracting(t -> t.get("purpose").asText()).containsOnlyOnce("GAS_TOP_UP", "REFUND", "FEE")
                    .isSubsetOf("GAS_TOP_UP", "REFUND", "FEE", "SWEEP");
        }
    }

    /**
     * A node is ready when every chain's health is UP, which needs a head younger than five minutes; the test chains
     * mine only when asked, so a chain no test touched lately would keep a node that starts late from ever being ready.
     */
    private static void freshHeads(TestDeposits deposits) {
        for (String chain : List.of("ethereum", "bsc", "arbitrum", "polygon")) {
            deposits.mine(chain, 1);
        }
    }

    private static Map<String, String> withDrill(Map<String, String> settings, String point) {
        Map<String, String> drilled = new HashMap<>(settings);
        drilled.put("recovery.drill.crash-at", point);
        return drilled;
    }
}
