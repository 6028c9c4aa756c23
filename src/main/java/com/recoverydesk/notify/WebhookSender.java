package com.recoverydesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts one webhook, signed: {@code X-Recovery-Signature: sha256=<hex HMAC-SHA256 of timestamp + "." + body>} with
 * the endpoint's secret, {@code X-Recovery-Timestamp} the Unix seconds of this attempt, so a receiver can refuse
 * old or replayed messages (docs/operations.md shows the check). Any answer but 2xx is a failure the outbox retries.
 */
@Component
class WebhookSender {

    static final String TIMESTAMP = "X-Recovery-Timestamp";
    static final String SIGNATURE = "X-Recovery-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;

    WebhookSender(Clock clock) {
        this.clock = clock;
    }

    void post(String url, String secret, String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new WebhookFailed("the receiver could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailed("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookFailed("the receiver answered " + response.statusCode());
        }
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook not delivered; the outbox tries again later. */
    static final class WebhookFailed extends RuntimeException {

        WebhookFailed(String message) {
            super(message);
        }
    }
}
