package com.recoverydesk.policy;

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
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The off switch: with {@code recovery.straight-through.mode=off} the table is not asked and a case the shipped table
 * would approve goes to people, as before straight-through existed. The mode is a start-up setting, so this needs an
 * application of its own (a {@link ChildApplication} on the test chains, H2 in memory).
 */
class StraightThroughOffTest extends IntegrationTest {


    @Autowired
    ChainClients chains;

    @Test
    void withTheSwitchOffACleanCaseGoesToPeopleAndNoDecisionIsTaken() throws Exception {
        Map<String, String> settings = ChildApplication.onTestChains("jdbc:h2:mem:straight-through-off;DB_CLOSE_DELAY=-1", "sa");
        settings.put("recovery.straight-through.mode", "off");
        Path logs = Files.createDirectories(Path.of("target/straight-through"));
        try (ChildApplication child = ChildApplication.start(settings, logs.resolve("off.log"))) {
            Api api = new Api(child.baseUrl());
            TestDeposits deposits = new TestDeposits(chains);
            String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
            String tx = deposits.sendToken("arbitrum", USDT, alice, BigInteger.valueOf(300_000_000L));
            deposits.mine("arbitrum", 3);

            Api.Answer filed = api.post("alice", "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "arbitrum", "txHash", tx,
                    "depositAddress", alice, "tokenContract", USDT));
            assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
            String id = filed.body().get("id").asText();
            JsonNode held = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                deposits.mine("arbitrum", 1);
                return api.get("alice", "/api/v1/cases/" + id).body();
            }, c -> c.get("status").asText().equals("IN_REVIEW"));

            assertThat(held.has("policy")).isFalse();
            assertThat(held.get("timeline")).noneSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("policy"));
            assertThat(CaseFlow.taskOf(api, "sam", id, "REVIEW")).isNotBlank();
            assertThat(api.get("admin", "/engine-rest/history/decision-instance/count").body().get("count").asInt()).isZero();
        }
    }
}
