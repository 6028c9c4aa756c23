package com.recoverydesk.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * When each case reached the review queue, keyed by case id, as the moment that step committed: the first
 * moment any reader (the user's GET, the specialist's queue) can see it. Recording it in the process
 * replaces polling the API, which cost the two cores the application itself runs on.
 */
final class Arrivals {

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    void arrived(String caseId) {
        future(caseId).complete(System.nanoTime());
    }

    void failed(String caseId, String why) {
        future(caseId).completeExceptionally(new IllegalStateException("case " + caseId + " " + why));
    }

    /** Nanoseconds from {@code startNanos} until the case arrived; at most two minutes. */
    Duration awaitSince(String caseId, long startNanos) {
        try {
            return Duration.ofNanos(future(caseId).get(2, TimeUnit.MINUTES) - startNanos);
        } catch (Exception e) {
            throw new IllegalStateException("case " + caseId + " did not reach review", e);
        }
    }

    private CompletableFuture<Long> future(String caseId) {
        return arrivals.computeIfAbsent(caseId, id -> new CompletableFuture<>());
    }
}
