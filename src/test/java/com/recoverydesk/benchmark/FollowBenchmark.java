package com.recoverydesk.benchmark;

import static com.recoverydesk.support.DevnetContracts.GEM;
import static com.recoverydesk.support.DevnetContracts.USDT;

import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * What following the heads costs and gains, against waking every waiting case on its own timer as before
 * ({@code recovery.follow.wake=every-interval}, the old pace: each case re-reads the chain every
 * {@code recovery.verification.recheck-interval}), both measured in the same run on a devnet mining a block a second:
 * <ol>
 * <li>from the block that gives a deposit its last confirmation to the case's move to IN_REVIEW (committed), p50/p99;</li>
 * <li>JSON-RPC round trips per new block on a chain where 1, 100 and 1,000 cases wait for confirmations (the file's bsc
 * needs 100,000 here, so they keep waiting).</li>
 * </ol>
 * Not a test: {@code scripts/benchmark-follow.sh} runs it and writes its section of docs/benchmark.md. Settings:
 * -Dbenchmark.follow.sizes (1,100,1000), -Dbenchmark.follow.window (PT45S, at least three recheck intervals),
 * -Dbenchmark.follow.deposits (20, for the latency).
 */
public final class FollowBenchmark {

    private static final String REFUND_TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final int ETHEREUM_CONFIRMATIONS = 12;

    private FollowBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("benchmark.follow.sizes", "1,100,1000").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        Duration window = Duration.parse(System.getProperty("benchmark.follow.window", "PT45S"));
        int deposits = Integer.getInteger("benchmark.follow.deposits", 20);
        StringBuilder rows = new StringBuilder();
        Map<String, Result> results = new java.util.LinkedHashMap<>();
        for (String wake : System.getProperty("benchmark.follow.wakes", "heads,every-interval").split(",")) {
            Result result = measure(wake, sizes, window, deposits);
            results.put(wake, result);
            System.out.println("FOLLOW " + wake + " " + result);
        }
        rows.append("| wake | deposit: last confirmation → IN_REVIEW p50 / p99 ms | refund: last confirmation → COMPLETED p50 / p99 ms |");
        for (int size : sizes) {
            rows.append(" round trips per block, ").append(String.format(Locale.ROOT, "%,d", size)).append(" waiting |");
        }
        rows.append("\n| --- | --- | --- |").append(" --- |".repeat(sizes.size())).append('\n');
        results.forEach((wake, r) -> {
            rows.append(String.format(Locale.ROOT, "| %s | %d / %d | %d / %d |", wake, r.p50(), r.p99(), r.refundP50(), r.refundP99()));
            r.perBlock().forEach(p -> rows.append(String.format(Locale.ROOT, " %.2f |", p)));
            rows.append('\n');
        });
        report(rows.toString(), window, deposits);
    }

    record Result(long p50, long p99, long refundP50, long refundP99, List<Double> perBlock) {
    }

    record Latencies(List<Long> deposits, List<Long> refunds) {
    }

    private static Result measure(String wake, List<Integer> sizes, Duration window, int depositCount) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-follow-").toAbsolutePath();
        String chainsFile = Files.readString(Path.of("chains.yml"));
        int bsc = chainsFile.indexOf("\n  bsc:");
        int confirmations = chainsFile.indexOf("confirmations: 15", bsc);
        Path chains = dataDir.resolve("chains.yml");
        // bsc's deposits wait "forever" here, so the cases pile up waiting; ethereum keeps its 12 for the latency
        Files.writeString(chains, chainsFile.substring(0, confirmations) + "confirmations: 100000" + chainsFile.substring(confirmations + 17));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.block-time-seconds=1", "--recovery.devnet.data-dir=" + dataDir,
                "--recovery.chains-file=" + chains,
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + IntakeBenchmark.defaultDatabaseIn(dataDir),
                "--recovery.follow.wake=" + wake, "--recovery.verification.max-checks=100000", "--logging.level.root=WARN");
        try {
            InReview inReview = new InReview();
            app.addApplicationListener(inReview);
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api(base);
            ChainClients clients = app.getBean(ChainClients.class);
            TestDeposits send = new TestDeposits(clients);
            String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
            Latencies latencies = latencies(app, api, send, alice, inReview, depositCount);
            List<Double> perBlock = new ArrayList<>();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int filed = 0;
            for (int size : sizes) {
                List<String> txs = new ArrayList<>();
                for (int i = filed; i < size; i++) {
                    txs.add(send.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000")));
                }
                String last = txs.get(txs.size() - 1);
                // hundreds of transfers fill more than one block: wait for the last one longer than TestDeposits does
                org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                        () -> clients.client("bsc").ethGetTransactionReceipt(last).send().getTransactionReceipt().isPresent());
                fileAll(api, txs, tx -> Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", tx, "depositAddress", alice,
                        "tokenContract", USDT, "refundAddress", REFUND_TO));
                filed = size;
                awaitWaiting(jdbc, size);
                Thread.sleep(5_000); // the waits settle (in heads mode each gets its target at the first look)
                long roundTrips = clients.roundTrips("bsc");
                long head = clients.client("bsc").ethBlockNumber().send().getBlockNumber().longValueExact();
                Thread.sleep(window.toMillis());
                long headAfter = clients.client("bsc").ethBlockNumber().send().getBlockNumber().longValueExact();
                // the two head reads above are the benchmark's own: not counted
                perBlock.add((clients.roundTrips("bsc") - roundTrips - 1) / (double) (headAfter - head));
                System.out.println("FOLLOW " + wake + " " + size + " waiting: " + perBlock.get(perBlock.size() - 1) + " round trips per block");
            }
            Collections.sort(latencies.deposits());
            Collections.sort(latencies.refunds());
            return new Result(percentile(latencies.deposits(), 50), percentile(latencies.deposits(), 99), percentile(latencies.refunds(), 50),
                    percentile(latencies.refunds(), 99), perBlock);
        } finally {
            app.close();
        }
    }

    /**
     * Deposits of GEM on ethereum, each case filed while its deposit is short of confirmations, timed from the block of
     * its last confirmation to IN_REVIEW; then each is approved (valued at 2,000 USD) and its refund timed from the
     * block of its transfers' last confirmation to COMPLETED.
     */
    private static Latencies latencies(ConfigurableApplicationContext app, Api api, TestDeposits send, String alice, InReview inReview,
            int count) throws Exception {
        String url = app.getEnvironment().getProperty("ETHEREUM_RPC_URL");
        Web3j watcher = Web3j.build(new HttpService(url));
        Map<Long, Long> blockSeenAt = new ConcurrentHashMap<>();
        Thread heads = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long head = watcher.ethBlockNumber().send().getBlockNumber().longValueExact();
                    blockSeenAt.putIfAbsent(head, System.nanoTime());
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the watcher retries at once: it only times blocks
                }
            }
        }, "block-watcher");
        heads.setDaemon(true);
        heads.start();
        try {
            Map<String, Long> lastConfirmation = new ConcurrentHashMap<>();
            Map<String, String> owners = new ConcurrentHashMap<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // a customer and deposit address of its own per case: refunds from one address wait for each other's gas
                String user = "follow" + i;
                String address = customer(app, user, 7000 + i);
                String tx = send.sendToken("ethereum", GEM, address, new BigInteger("5000000000000000000000"));
                long block = send.receipt("ethereum", tx).getBlockNumber().longValueExact();
                Api.Answer filed = api.post(user, "/api/v1/cases", Map.of("type", "UNLISTED_TOKEN", "chain", "ethereum", "txHash", tx,
                        "depositAddress", address, "tokenContract", GEM, "refundAddress", REFUND_TO));
                if (filed.status() != 201) {
                    throw new IllegalStateException("filing failed: " + filed.body());
                }
                String id = filed.body().get("id").asText();
                ids.add(id);
                owners.put(id, user);
                lastConfirmation.put(id, block + ETHEREUM_CONFIRMATIONS - 1);
                Thread.sleep(300); // spread over the blocks, so the cases' last confirmations fall on different heads
            }
            List<Long> millis = new ArrayList<>();
            for (String id : ids) {
                long arrived = inReview.await(id);
                millis.add(Duration.ofNanos(arrived - seenAt(blockSeenAt, lastConfirmation.get(id))).toMillis());
            }
            for (String id : ids) {
                approve(api, id);
            }
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Long> refunds = new ArrayList<>();
            for (String id : ids) {
                long completed = inReview.awaitCompleted(id);
                long lastBlock = jdbc.sql("select max(block_number) from recovery.refund_transaction where case_id = ?").param(id)
                        .query(Long.class).single();
                refunds.add(Duration.ofNanos(completed - seenAt(blockSeenAt, lastBlock + ETHEREUM_CONFIRMATIONS - 1)).toMillis());
            }
            return new Latencies(millis, refunds);
        } finally {
            heads.interrupt();
            watcher.shutdown();
        }
    }

    private static long seenAt(Map<Long, Long> blockSeenAt, long block) {
        Long seen = blockSeenAt.get(block);
        if (seen == null) {
            throw new IllegalStateException("block " + block + " was never seen by the watcher");
        }
        return seen;
    }

    private static String customer(ConfigurableApplicationContext app, String user, int accountIndex) {
        org.camunda.bpm.engine.IdentityService identity = app.getBean(org.camunda.bpm.engine.IdentityService.class);
        if (identity.createUserQuery().userId(user).count() == 0) {
            var u = identity.newUser(user);
            u.setPassword("demo");
            u.setEmail(user + "@demo.recoverydesk.example");
            identity.saveUser(u);
            identity.createMembership(user, "customers");
        }
        return app.getBean(com.recoverydesk.wallet.DepositAddressDirectory.class).issue(user, accountIndex, java.util.Set.of("ethereum")).address();
    }

    private static void approve(Api api, String id) {
        Api.Answer reviewed = com.recoverydesk.support.CaseFlow.decide(api, "sam", id, "REVIEW", Map.of("decision", "APPROVE", "valuationUsd", "2000"));
        Api.Answer approved = com.recoverydesk.support.CaseFlow.decide(api, "wendy", id, "WALLET_APPROVAL", Map.of("decision", "APPROVE"));
        if (reviewed.status() != 200 || approved.status() != 200) {
            throw new IllegalStateException("approving " + id + " failed: " + reviewed.body() + " " + approved.body());
        }
    }

    private static void fileAll(Api api, List<String> txs, java.util.function.Function<String, Map<String, Object>> form) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> filings = new ArrayList<>();
            for (String tx : txs) {
                filings.add(pool.submit(() -> {
                    Api.Answer filed = api.post("alice", "/api/v1/cases", form.apply(tx));
                    if (filed.status() != 201) {
                        throw new IllegalStateException("filing failed: " + filed.body());
                    }
                }));
            }
            for (Future<?> filing : filings) {
                filing.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitWaiting(JdbcClient jdbc, int cases) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (jdbc.sql("select count(*) from recovery.chain_wait where chain = 'bsc'").query(Long.class).single() < cases) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + cases + " cases wait on bsc after five minutes");
            }
            Thread.sleep(200);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** When each case's move to IN_REVIEW, and to COMPLETED, committed. */
    private static final class InReview implements ApplicationListener<PayloadApplicationEvent<CaseStatusChanged>> {

        private final Map<String, java.util.concurrent.CompletableFuture<Long>> at = new ConcurrentHashMap<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<CaseStatusChanged> event) {
            CaseStatusChanged change = event.getPayload();
            if (change.status() != CaseStatus.IN_REVIEW && change.status() != CaseStatus.COMPLETED) {
                return;
            }
            String key = change.status() == CaseStatus.IN_REVIEW ? change.caseId() : change.caseId() + "/completed";
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    future(key).complete(System.nanoTime());
                }
            });
        }

        long await(String caseId) throws Exception {
            return future(caseId).get(3, java.util.concurrent.TimeUnit.MINUTES);
        }

        long awaitCompleted(String caseId) throws Exception {
            return future(caseId + "/completed").get(5, java.util.concurrent.TimeUnit.MINUTES);
        }

        private java.util.concurrent.CompletableFuture<Long> future(String caseId) {
            return at.computeIfAbsent(caseId, id -> new java.util.concurrent.CompletableFuture<>());
        }
    }

    /** Replaces the section between its markers in docs/benchmark.md. */
    private static void report(String table, Duration window, int deposits) throws Exception {
        Path file = Path.of("docs", "benchmark.md");
        String start = "<!-- follow:start -->";
        String end = "<!-- follow:end -->";
        String body = start + "\nLast run " + Instant.now() + " on " + IntakeBenchmark.cpuModel() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; devnet block time 1 s, recheck-interval 15 s, " + deposits
                + " deposits timed, round trips counted over " + window.toSeconds() + " s per size.\n\n" + table + end;
        String page = Files.readString(file);
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        Files.writeString(file, from < 0 ? page + "\n" + body + "\n" : page.substring(0, from) + body + page.substring(to + end.length()));
        System.out.println(body);
    }
}
