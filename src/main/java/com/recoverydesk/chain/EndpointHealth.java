package com.recoverydesk.chain;

/**
 * What one endpoint of a chain looks like to operators (health details, Prometheus).
 *
 * @param index    its place in the chain's {@code rpc-urls}
 * @param endpoint its URL without path, query or user info, where providers put their API keys
 * @param state    {@code UP}, {@code LAGGING} (answers, but trails the best head by more than {@code max-lag-blocks}),
 *                 {@code DOWN} (its last request or probe failed), {@code UNVERIFIED} (has not yet answered its chain
 *                 id: not used until it does) or {@code WRONG_CHAIN} (answers another chain id: never used)
 * @param up       requests may go there: it answers, on the right chain, and does not lag
 * @param head     its newest block at the last probe, -1 before it answered one
 * @param lag      blocks behind the best endpoint of the chain at the last probe, -1 when unknown
 * @param errors   failed requests and probes since start-up
 * @param problem  why it is not UP; null when it is
 */
public record EndpointHealth(int index, String endpoint, String state, boolean up, long head, long lag, long requests,
        long errors, String problem) {
}
