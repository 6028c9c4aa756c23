package com.recoverydesk.chain;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * A chain's request budget: at most {@code perSecond} HTTP requests start within any one second, over all the
 * chain's endpoints (a JSON-RPC batch is one request, as providers bill it). A request over the budget waits for
 * its turn instead of failing: a provider's rate limit answers 429, which would cost an endpoint its health.
 * A sliding window (the start times of the last {@code perSecond} requests), not a token bucket, so that no
 * window of one second ever holds more, however the requests bunch.
 */
final class RequestBudget {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final long[] starts;
    private int next;
    private int used;

    RequestBudget(int perSecond) {
        this.starts = new long[perSecond];
    }

    /** Returns when this request may start; throws when the waiting thread is interrupted. */
    void acquire() throws InterruptedIOException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                if (used < starts.length || now - starts[next] >= WINDOW_NANOS) {
                    starts[next] = now;
                    next = (next + 1) % starts.length;
                    used = Math.min(used + 1, starts.length);
                    return;
                }
                wait = starts[next] + WINDOW_NANOS - now;
            }
            LockSupport.parkNanos(this, wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the chain's request budget");
            }
        }
    }
}
