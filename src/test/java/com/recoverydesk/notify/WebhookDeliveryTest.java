package com.recoverydesk.notify;

import static com.recoverydesk.support.DevnetContracts.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.CaseFlow;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every status change reaches the exchange's notification service as a signed webhook, through the outbox: a
 * receiver that is down gets the message once it is up again, exactly once.
 */
class WebhookDeliveryTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not one of the exchange's deposit addresses: screening rejects the case at once, no chain needed. */
    private static final String STRANGER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String REFUND = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(baseUrl());
    }

    @Test
    void eachStatusChangeArrivesAsJsonSignedWithTheEndpointsSecret() throws Exception {
        String id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", randomTx(), STRANGER, USDT, REFUND);

        List<WebhookReceiver.Received> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> eventsOf(id), e -> e.stream().anyMatch(r -> status(r).equals("REJECTED")));

        assertThat(events).extracting(WebhookDeliveryTest::status).containsExactly("VERIFYING", "REJECTED");
        WebhookReceiver.Received rejected = events.get(1);
        assertThat(rejected.contentType()).isEqualTo("application/json");
        assertThat(verify(rejected.timestamp(), rejected.signature(), rejected.body(), WebhookReceiver.SECRET)).isTrue();
        assertThat(verify(rejected.timestamp(), rejected.signature(), rejected.body().replace("alice", "bob"), WebhookReceiver.SECRET)).isFalse();
        assertThat(verify(rejected.timestamp(), rejected.signature(), rejected.body(), "another-secret-of-some-length")).isFalse();
        assertThat(Long.parseLong(rejected.timestamp())).isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
        JsonNode event = JSON.readTree(rejected.body());
        assertThat(event.get("type").asText()).isEqualTo("case.status_changed");
        assertThat(event.get("id").asText()).isNotEqualTo(JSON.readTree(events.get(0).body()).get("id").asText());
        JsonNode c = event.get("case");
        assertThat(c.get("id").asText()).isEqualTo(id);
        assertThat(c.get("userId").asText()).isEqualTo("alice");
        assertThat(c.get("type").asText()).isEqualTo("WRONG_NETWORK");
        assertThat(c.get("status").asText()).isEqualTo("REJECTED");
        assertThat(c.get("reasonCode").asText()).isEqualTo("NOT_A_DEPOSIT_ADDRESS");
        assertThat(c.get("message").asText()).isNotBlank();
        assertThat(c.get("chain").asText()).isEqualTo("bsc");
    }

    @Test
    void aReceiverThatIsDownGetsEachMessageOnceItIsUpAgain() {
        String id;
        WEBHOOKS.stop();
        try {
            id = CaseFlow.fileWrongNetwork(api, "alice", "bsc", randomTx(), STRANGER, USDT, REFUND);
            String caseId = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> failedWebhooksOf(caseId) == 2);
            assertThat(eventsOf(id)).isEmpty();
        } finally {
            WEBHOOKS.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(id).size() == 2);
        assertThat(eventsOf(id)).extracting(WebhookDeliveryTest::status).containsExactlyInAnyOrder("VERIFYING", "REJECTED");
        assertThat(jdbc.sql("select count(*) from recovery.notification_outbox where case_id = :id and channel = 'WEBHOOK' and sent_at is null")
                .param("id", id).query(Long.class).single()).isZero();
        // delivered means delivered once: the outbox does not send it again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> eventsOf(id).size() == 2);
    }

    /** The receiver's check, as docs/operations.md shows it: HMAC-SHA256 over timestamp + "." + body, compared in constant time. */
    static boolean verify(String timestamp, String signatureHeader, String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        if (signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
            return false;
        }
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signatureHeader.substring("sha256=".length())));
    }

    private long failedWebhooksOf(String caseId) {
        return jdbc.sql("select count(*) from recovery.notification_outbox where case_id = :id and channel = 'WEBHOOK' and attempts > 0 "
                + "and sent_at is null and last_error is not null").param("id", caseId).query(Long.class).single();
    }

    private static List<WebhookReceiver.Received> eventsOf(String caseId) {
        return WEBHOOKS.received().stream().filter(r -> r.body().contains("\"" + caseId + "\"")).toList();
    }

    private static String status(WebhookReceiver.Received received) {
        try {
            return JSON.readTree(received.body()).get("case").get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomTx() {
        return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
