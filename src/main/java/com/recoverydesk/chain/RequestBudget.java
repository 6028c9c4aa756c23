package com.recoverydesk.chain;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A chain's request budget: no provider ever sees more than {@code perSecond} HTTP requests of this chain arrive
 * within one second, over all the chain's endpoints (a JSON-RPC batch is one request, as providers bill it). A request
 * over the budget waits for its turn instead of failing: a provider's rate limit answers 429, which would cost the
 * endpoint its health.
 * <p>
 * A request holds its place from the moment it is sent until one second after its answer. Counting only when requests
 * start would not do: a request that spends 30 ms opening a connection arrives later than one sent a moment after it
 * on an open connection, and the provider would count {@code perSecond + 1} within its second. Any request arrives
 * while it is in flight, so requests that arrive within one second all hold their places at the last arrival's
 * moment: at most {@code perSecond} of them.
 */
final class RequestBudget {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    /** When the requests answered within the last second were answered, oldest first. */
    private final ArrayDeque<Long> answered = new ArrayDeque<>();
    private int inFlight;

    RequestBudget(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Returns when this request may be sent; call {@link #release()} once it has its answer or failed. */
    synchronized void acquire() throws InterruptedIOException {
        while (true) {
            long now = System.nanoTime();
            while (!answered.isEmpty() && now - answered.peekFirst() >= WINDOW_NANOS) {
                answered.pollFirst();
            }
            if (inFlight + answered.size() < perSecond) {
                inFlight++;
                return;
            }
            try {
                if (answered.isEmpty()) {
                    wait(); // every place is in flight: the next release frees one
                } else {
                    long nanos = answered.peekFirst() + WINDOW_NANOS - now;
                    wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the chain's request budget");
            }
        }
    }

    synchronized void release() {
        inFlight--;
        answered.addLast(System.nanoTime());
        notifyAll();
    }
}
