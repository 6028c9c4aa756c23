package com.recoverydesk.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What one run measured: throughput from the first start to the last arrival, latency percentiles, and the CPU time
 * this JVM spent per case meanwhile (every thread: the application or engine, its clients, and on H2 the database).
 * CPU per case moves far less than wall-clock time when other processes share the cores.
 */
record Figures(int cases, int concurrency, double casesPerSecond, long p50, long p95, long p99, double cpuMillisPerCase) {

    static Figures of(int concurrency, long wallMillis, List<Long> sortedMillis, long cpuNanos) {
        return new Figures(sortedMillis.size(), concurrency, sortedMillis.size() / (wallMillis / 1000.0),
                percentile(sortedMillis, 50), percentile(sortedMillis, 95), percentile(sortedMillis, 99),
                cpuNanos / 1e6 / sortedMillis.size());
    }

    /** The CPU time of this JVM so far, in nanoseconds (-1 where the JVM cannot tell). */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
