package com.recoverydesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operator watches: a health indicator per chain, and metrics behind the operator role. */
class OperatorViewTest extends IntegrationTest {

    @Autowired
    ChainClients chains;
    TestDeposits deposits;

    @BeforeEach
    void setUp() {
        deposits = new TestDeposits(chains);
    }

    @AfterEach
    void nodeUp() {
        POLYGON_NODE.up();
    }

    @Test
    void aChainGoesDownWhenItsNodeStopsAndUpWhenItReturns() {
        Api api = new Api(baseUrl());
        var up = api.get("admin", "/actuator/health/chains/polygon").body();
        assertThat(up.get("status").asText()).isEqualTo("UP");
        var endpoint = up.get("details").get("endpoints").get(0);
        assertThat(endpoint.get("endpoint").asText()).isEqualTo("http://127.0.0.1:" + POLYGON_NODE.port());
        assertThat(endpoint.get("state").asText()).isEqualTo("UP");
        assertThat(endpoint.get("up").asBoolean()).isTrue();
        assertThat(endpoint.get("lag").asLong()).isEqualTo(0);
        assertThat(endpoint.get("head").asLong()).isGreaterThanOrEqualTo(0);

        POLYGON_NODE.down();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var polygon = api.get("admin", "/actuator/health/chains/polygon");
            assertThat(polygon.status()).isEqualTo(503);
            assertThat(polygon.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(polygon.body().get("details").get("problem").asText()).contains("does not answer");
            var down = polygon.body().get("details").get("endpoints").get(0);
            assertThat(down.get("state").asText()).isEqualTo("DOWN");
            assertThat(down.get("up").asBoolean()).isFalse();
            assertThat(down.get("errors").asLong()).isPositive();
        });
        assertThat(api.get("admin", "/actuator/health/chains/bsc").body().get("status").asText()).isEqualTo("UP");

        POLYGON_NODE.up();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("admin", "/actuator/health/chains/polygon").body().get("status").asText()).isEqualTo("UP"));
        assertThat(api.get("admin", "/actuator/health/chains/polygon").body().get("details").get("gasStationBalance").asText()).endsWith("POL");
    }

    @Test
    void metricsAreForOperatorsAndCountCasesAndChainCalls() throws Exception {
        Api api = new Api(baseUrl());

        var prometheus = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/actuator/prometheus")).header("Accept", "text/plain")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.get("sam", "/actuator/prometheus").status()).isEqualTo(403);
        for (String chain : List.of("ethereum", "bsc", "polygon")) {
            deposits.mine(chain, 1); // every chain's newest block is fresh, so the application is up
        }
        Api.Answer health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("recovery_rpc_calls_total{chain=\"bsc\"")
                .contains("recovery_rpc_endpoint_up{chain=\"bsc\",endpoint=\"http://127.0.0.1:" + BSC_PORT + "\",index=\"0\"} 1.0")
                .contains("recovery_rpc_endpoint_lag_blocks{chain=\"bsc\",endpoint=\"http://127.0.0.1:" + BSC_PORT + "\",index=\"0\"} 0.0")
                .contains("recovery_rpc_endpoint_head{chain=\"bsc\"").contains("recovery_rpc_endpoint_requests_total{chain=\"bsc\"")
                .contains("recovery_rpc_endpoint_errors_total{chain=\"bsc\"")
                .contains("recovery_cases{status=\"IN_REVIEW\",type=\"WRONG_NETWORK\"}").contains("recovery_incidents_open");
    }
}
