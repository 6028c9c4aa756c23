package com.recoverydesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong webhook settings stop the start naming each setting, never showing a secret. */
class WebhookSettingsTest {

    @Test
    void refusesAUrlThatIsNotHttpAndAShortSecretNamingBothSettings() {
        WebhookProperties settings = new WebhookProperties(List.of(
                new WebhookProperties.Endpoint("https://notify.example/hooks", "a-secret-long-enough-1"),
                new WebhookProperties.Endpoint("ftp://notify.example/hooks", "short-secret")));

        assertThatThrownBy(() -> new Webhooks(settings, null, null, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recovery.webhooks.endpoints[1].url")
                .hasMessageContaining("recovery.webhooks.endpoints[1].secret")
                .hasMessageNotContaining("endpoints[0]")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // computed independently, as docs/operations.md shows: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSender.sign("key", "1700000000", "{}")).isEqualTo("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    }
}
