package com.recoverydesk.chain;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.ChildApplication;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.SwitchableProxy;
import com.recoverydesk.support.TestDeposits;
import com.recoverydesk.wallet.DepositKeys;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.crypto.Keys;

/**
 * A case on a chain with two endpoints (two proxies in front of the test's bsc node) goes from filing to a paid
 * refund while its endpoints stop one after the other. The application runs as its own process, because the shared
 * test application has one endpoint per chain and this needs chains.yml's {@code rpc-urls} set to two.
 */
@Tag("process-crash") // its application process runs on its own H2 file, whatever database the suite uses
class EndpointFailoverCaseTest extends IntegrationTest {


    @Autowired
    ChainClients chains;
    @Autowired
    DepositKeys keys;

    private final SwitchableProxy preferred = new SwitchableProxy(freePort(), () -> BSC_PORT);
    private final SwitchableProxy spare = new SwitchableProxy(freePort(), () -> BSC_PORT);

    @AfterEach
    void proxiesDown() {
        preferred.down();
        spare.down();
    }

    @Test
    void aCaseCompletesAndIsPaidOnceWhileItsChainsEndpointsStopOneAfterTheOther() throws Exception {
        TestDeposits deposits = new TestDeposits(chains);
        String bob = keys.depositAddress(2);
        String refundTo = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
        BigInteger amount = new BigInteger("400000000000000000000"); // 400 USDT: fee 20 USD
        String tx = deposits.sendToken("bsc", USDT, bob, amount);
        deposits.mine("bsc", 15);
        preferred.up();
        spare.up();
        Path dir = Files.createTempDirectory(Path.of("target"), "endpoints-");
        Map<String, String> settings = ChildApplication.onTestChains(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";FILE_LOCK=NO;WRITE_DELAY=0", "sa");
        settings.put("BSC_RPC_URLS", "http://127.0.0.1:" + preferred.port() + ",http://127.0.0.1:" + spare.port());
        settings.put("recovery.endpoints.probe-interval", "PT1S");
        for (String chain : List.of("ethereum", "bsc", "arbitrum", "polygon")) {
            deposits.mine(chain, 1); // fresh heads: the node is ready when every chain's health is UP
        }

        try (ChildApplication node = ChildApplication.start(settings, dir.resolve("node.log"))) {
            Api api = new Api(node.baseUrl());
            String id = CaseFlow.fileWrongNetwork(api, "bob", "bsc", tx, bob, USDT, refundTo);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(CaseFlow.status(api, "bob", id)).isEqualTo("IN_REVIEW"));

            preferred.down(); // mid-case: the endpoint every request went to so far
            CaseFlow.approve(api, "sam", id, "REVIEW");
            CaseFlow.approve(api, "wendy", id, "WALLET_APPROVAL");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode bsc = api.get("admin", "/actuator/health/chains/bsc").body();
                assertThat(bsc.get("status").asText()).isEqualTo("UP");
                assertThat(bsc.get("details").get("endpoints")).extracting(e -> e.get("state").asText()).containsExactly("DOWN", "UP");
            });
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(CaseFlow.status(api, "bob", id)).isEqualTo("REFUNDING"));

            preferred.up(); // and now the other one goes while the refund waits for its confirmations
            spare.down();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                deposits.mine("bsc", 2);
                assertThat(CaseFlow.status(api, "bob", id)).isEqualTo("COMPLETED");
            });

            JsonNode done = api.get("bob", "/api/v1/cases/" + id).body();
            BigInteger fee = new BigInteger(done.get("fee").get("amount").asText());
            assertThat(CaseFlow.tokenBalance(chains, "bsc", USDT, refundTo)).isEqualTo(amount.subtract(fee));
            assertThat(done.get("transactions")).extracting(t -> t.get("purpose").asText()).containsOnlyOnce("GAS_TOP_UP", "REFUND", "FEE")
                    .isSubsetOf("GAS_TOP_UP", "REFUND", "FEE", "SWEEP"); // the sweep of the top-up's leftover, when worth its gas
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("admin", "/actuator/health/chains/bsc").body()
                    .get("details").get("endpoints")).extracting(e -> e.get("state").asText()).containsExactly("UP", "DOWN"));
        }
    }
}
