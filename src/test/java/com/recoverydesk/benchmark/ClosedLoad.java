package com.recoverydesk.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A fixed number of clients, each starting its next case as soon as its previous one arrived: the load both
 * the application and the bare-engine baseline are measured under.
 */
final class ClosedLoad {

    private ClosedLoad() {
    }

    static <T> Figures run(List<T> inputs, int concurrency, Function<T, Duration> oneCase) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            long cpuBefore = Figures.processCpuNanos();
            List<Future<Duration>> latencies = new ArrayList<>();
            for (T input : inputs) {
                latencies.add(clients.submit(() -> oneCase.apply(input)));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Duration> latency : latencies) {
                millis.add(latency.get().toMillis());
            }
            long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
            long cpu = Figures.processCpuNanos() - cpuBefore;
            Collections.sort(millis);
            return Figures.of(concurrency, wall, millis, cpu);
        } finally {
            clients.shutdownNow();
        }
    }
}
