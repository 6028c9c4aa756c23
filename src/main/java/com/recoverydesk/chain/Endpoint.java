package com.recoverydesk.chain;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/** One JSON-RPC endpoint of a chain and what the last probe and request said of it. */
final class Endpoint {

    enum State { UNVERIFIED, UP, DOWN, WRONG_CHAIN }

    final int index;
    final URI url;
    final String label;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private volatile State state = State.UNVERIFIED;
    private volatile long head = -1;
    private volatile long lag = -1;
    private volatile String problem = "has not answered its chain id yet";
    private volatile long answeredChainId = -1;

    Endpoint(int index, URI url) {
        this.index = index;
        this.url = url;
        this.label = redacted(url);
    }

    /** Scheme, host and port only: providers put API keys in the path, the query or the user info. */
    static String redacted(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/") ? "" : "/…";
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path;
    }

    State state() {
        return state;
    }

    long head() {
        return head;
    }

    /** The other chain's id it answered, when it is {@link State#WRONG_CHAIN}. */
    long answeredChainId() {
        return answeredChainId;
    }

    long lag() {
        return lag;
    }

    void answered(long newHead) {
        head = newHead;
        state = State.UP;
        problem = null;
    }

    /** A request or probe failed: skipped until a probe (or a last-resort request) gets an answer again. */
    void failed(String why) {
        errors.incrementAndGet();
        problem = why;
        if (state == State.UP) {
            state = State.DOWN;
        }
        lag = -1;
    }

    void wrongChain(long answered, String why) {
        answeredChainId = answered;
        state = State.WRONG_CHAIN;
        problem = why;
        lag = -1;
    }

    void lag(long blocks) {
        lag = blocks;
    }

    boolean lagging(long maxLagBlocks) {
        return lag > maxLagBlocks;
    }

    EndpointHealth health(long maxLagBlocks) {
        State now = state;
        String shown = now == State.UP && lagging(maxLagBlocks) ? "LAGGING" : now.name();
        String why = shown.equals("LAGGING") ? lag + " blocks behind the best endpoint (max-lag-blocks " + maxLagBlocks + ")" : problem;
        return new EndpointHealth(index, label, shown, shown.equals("UP"), head, now == State.UP ? lag : -1, requests.get(), errors.get(),
                now == State.UP && !shown.equals("LAGGING") ? null : why);
    }
}
