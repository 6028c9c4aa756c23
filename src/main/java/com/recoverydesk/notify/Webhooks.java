package com.recoverydesk.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.cases.CaseStatusChanged;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.RecoveryCase;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the exchange's own notification service (push, in-app) about every status change of a case: one webhook
 * per configured endpoint, queued in the outbox in the change's transaction, so it is sent after commit with the
 * outbox's retries and never lost while the receiver is down. {@link WebhookSender} signs and posts it.
 */
@Component
class Webhooks {

    static final String CHANNEL = "WEBHOOK";
    static final String EVENT_TYPE = "case.status_changed";
    /** Below this a shared secret is too easy to guess. */
    static final int MIN_SECRET_LENGTH = 16;

    private final List<WebhookProperties.Endpoint> endpoints;
    private final CaseStore cases;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(WebhookProperties settings, CaseStore cases, Outbox outbox, ObjectMapper json, Clock clock) {
        this.endpoints = check(settings.endpoints());
        this.cases = cases;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        if (endpoints.isEmpty()) {
            return;
        }
        RecoveryCase c = cases.find(change.caseId()).orElseThrow();
        // the id lets a receiver drop a second delivery of the same event: the outbox delivers at least once
        Event event = new Event(UUID.randomUUID().toString(), EVENT_TYPE, clock.instant(), new CaseState(c.id(), c.customerId(),
                c.type().name(), change.status().name(), change.reason() == null ? null : change.reason().name(), change.message(),
                c.chain(), c.txHash()));
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (WebhookProperties.Endpoint endpoint : endpoints) {
            outbox.queue(c.id(), CHANNEL, endpoint.url(), EVENT_TYPE, body);
        }
    }

    /** The secret of the endpoint a queued webhook goes to, if it is still configured. */
    Optional<String> secretFor(String url) {
        return endpoints.stream().filter(e -> e.url().equals(url)).map(WebhookProperties.Endpoint::secret).findFirst();
    }

    /** @throws IllegalStateException naming each bad setting, never a secret */
    private static List<WebhookProperties.Endpoint> check(List<WebhookProperties.Endpoint> endpoints) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String at = "recovery.webhooks.endpoints[" + i + "].";
            WebhookProperties.Endpoint endpoint = endpoints.get(i);
            if (!isHttpUrl(endpoint.url())) {
                problems.add(at + "url must be an http(s) URL, not '" + endpoint.url() + "'");
            }
            if (endpoint.secret() == null || endpoint.secret().length() < MIN_SECRET_LENGTH) {
                problems.add(at + "secret must be set, at least " + MIN_SECRET_LENGTH + " characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Webhook settings are wrong: " + String.join("; ", problems));
        }
        return List.copyOf(endpoints);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            return uri != null && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The JSON a receiver gets. */
    record Event(String id, String type, Instant occurredAt, @JsonProperty("case") CaseState recoveryCase) {
    }

    /** The case as the exchange's systems need it to tell the user: who, which case, its new status and why. */
    record CaseState(String id, String userId, String type, String status, String reasonCode, String message, String chain, String txHash) {
    }
}
