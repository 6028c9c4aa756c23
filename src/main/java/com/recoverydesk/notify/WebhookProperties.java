package com.recoverydesk.notify;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exchange's notification service endpoints that hear about every case status change
 * ({@code recovery.webhooks.endpoints[i].url} and {@code .secret}; RECOVERY_WEBHOOKS_ENDPOINTS_0_URL,
 * RECOVERY_WEBHOOKS_ENDPOINTS_0_SECRET). None by default. Checked by {@link Webhooks} at start-up by hand, not by
 * bean validation, whose report would print the secret.
 */
@ConfigurationProperties("recovery.webhooks")
record WebhookProperties(List<Endpoint> endpoints) {

    WebhookProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    record Endpoint(String url, String secret) {

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=<secret>]";
        }
    }
}
