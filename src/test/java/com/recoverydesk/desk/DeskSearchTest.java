package com.recoverydesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A support agent looks a case up by what the user quoted; a search that cannot match says why. */
class DeskSearchTest extends IntegrationTest {

    @Test
    void aTxidPastedInCapitalsFindsTheCaseAndATruncatedOneIsExplained() {
        Api api = new Api(baseUrl());
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        String tx = "0x" + "d35c".repeat(16);
        String id = api.post("alice", "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "tron", "txHash", tx,
                "depositAddress", alice, "refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).body().get("id").asText();

        Api.Answer found = api.get("sam", "/api/v1/desk/cases?txHash=" + "0x" + tx.substring(2).toUpperCase());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).extracting(c -> c.get("id").asText()).containsExactly(id);

        Api.Answer truncated = api.get("sam", "/api/v1/desk/cases?txHash=" + tx.substring(0, 40) + "&address=0x1234&status=LOST");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.body().get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("code").asText())
                .containsExactly("txHash:INVALID_TX_HASH", "address:INVALID_ADDRESS", "status:UNKNOWN_STATUS");
        assertThat(truncated.body().get("errors").get(0).get("message").asText()).contains("64 hexadecimal characters");
    }
}
