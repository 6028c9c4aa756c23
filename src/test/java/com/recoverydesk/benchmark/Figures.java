package com.recoverydesk.benchmark;

import java.util.List;

/** What one run measured: throughput from the first start to the last arrival, and latency percentiles. */
record Figures(int cases, int concurrency, double casesPerSecond, long p50, long p95, long p99) {

    static Figures of(int concurrency, long wallMillis, List<Long> sortedMillis) {
        return new Figures(sortedMillis.size(), concurrency, sortedMillis.size() / (wallMillis / 1000.0),
                percentile(sortedMillis, 50), percentile(sortedMillis, 95), percentile(sortedMillis, 99));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
