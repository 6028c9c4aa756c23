package com.recoverydesk.benchmark;

import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Files cases for real devnet deposits through the HTTP API at a fixed concurrency and measures how fast they
 * reach the review queue. Not a test: run it with {@code scripts/benchmark.sh} (H2, then PostgreSQL), which
 * writes docs/benchmark.md. Settings: -Dbenchmark.cases (200), -Dbenchmark.concurrency (20),
 * -Dbenchmark.label (the database's name in the report), -Dspring.datasource.url for another database.
 */
public final class IntakeBenchmark {

    private static final String USDT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("benchmark.cases", 200);
        int concurrency = Integer.getInteger("benchmark.concurrency", 20);
        String label = System.getProperty("benchmark.label", "H2");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.block-time-seconds=0", "--recovery.devnet.data-dir=" + dataDir,
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + System.getProperty("spring.datasource.url", "jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1"),
                "--recovery.verification.recheck-interval=PT1S", "--logging.level.root=WARN",
                "--camunda.bpm.job-execution.max-pool-size=" + Integer.getInteger("benchmark.job-threads", 10));
        try {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api(base);
            ChainClients chains = app.getBean(ChainClients.class);
            TestDeposits deposits = new TestDeposits(chains);
            String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
            List<String> txs = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                txs.add(deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000")));
            }
            deposits.mine("bsc", 20);
            deposits.receipt("bsc", txs.get(txs.size() - 1));

            long roundTripsBefore = chains.roundTrips("bsc");
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            Instant start = Instant.now();
            List<Future<Duration>> latencies = new ArrayList<>();
            for (String tx : txs) {
                latencies.add(pool.submit(() -> fileAndAwaitReview(api, tx, alice)));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Duration> latency : latencies) {
                millis.add(latency.get().toMillis());
            }
            Duration wall = Duration.between(start, Instant.now());
            pool.shutdown();
            double perVerification = (chains.roundTrips("bsc") - roundTripsBefore) / (double) total;
            Collections.sort(millis);
            String row = String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %d | %.2f |", label, total, concurrency,
                    total / (wall.toMillis() / 1000.0), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), perVerification);
            System.out.println("BENCHMARK " + row);
            report(row, label);
        } finally {
            app.close();
        }
        // exec:java waits for every non-daemon thread a library may have left behind; the figures are written
        System.exit(0);
    }

    private static Duration fileAndAwaitReview(Api api, String tx, String alice) throws InterruptedException {
        Instant start = Instant.now();
        Api.Answer filed = api.post("alice", "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", tx,
                "depositAddress", alice, "tokenContract", USDT, "refundAddress", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        if (filed.status() != 201) {
            throw new IllegalStateException("filing failed: " + filed.body());
        }
        String id = filed.body().get("id").asText();
        Instant deadline = start.plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String status = api.get("alice", "/api/v1/cases/" + id).body().get("status").asText();
            if (status.equals("IN_REVIEW")) {
                return Duration.between(start, Instant.now());
            }
            if (!status.equals("SUBMITTED") && !status.equals("VERIFYING")) {
                throw new IllegalStateException("case " + id + " ended " + status);
            }
            Thread.sleep(10); // the benchmark's own polling of the API, not a wait inside the application
        }
        throw new IllegalStateException("case " + id + " did not reach review within two minutes");
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Replaces this database's row in docs/benchmark.md, keeping the rest of the page. */
    private static void report(String row, String label) throws Exception {
        Path file = Path.of("docs", "benchmark.md");
        String header = "| database | cases | concurrency | cases/s | p50 ms | p95 ms | p99 ms | JSON-RPC round trips per verification |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
        List<String> rows = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("| ") && !line.startsWith("| database") && !line.startsWith("| ---") && !line.startsWith("| " + label + " |")) {
                    rows.add(line);
                }
            }
        }
        rows.add(row);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB heap, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        String intro = Files.exists(file) ? Files.readString(file).split("\n## Figures", 2)[0] : "# Benchmark\n";
        Files.writeString(file, intro + "\n## Figures\n\nLast run " + Instant.now() + " on " + machine + ".\n\n" + header + String.join("\n", rows) + "\n");
    }
}
