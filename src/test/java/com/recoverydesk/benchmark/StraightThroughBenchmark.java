package com.recoverydesk.benchmark;

import static com.recoverydesk.support.DevnetContracts.USDT;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Straight-through recovery on the devnet as it runs by default (anvil mining a block every second, the shipped
 * chains.yml and decision table, the shipped recheck intervals) with {@code recovery.straight-through.mode=on}: from
 * filing to {@code COMPLETED} for the cases the table approves, against the chain's own floor (the deposit's
 * confirmations plus the refund's, times the block time; a gas top-up adds one more round of confirmations), and the
 * share of a stated mix of cases that goes straight through. Each of the two demo customers files one case at a time,
 * because the shipped table sends a customer's second open case to people (rule other-open-case); a case that goes to
 * people is withdrawn once the table has spoken. Not a test: run it with {@code scripts/benchmark-straight-through.sh}.
 *
 * <p>The mix, per round of 10 cases: 6 clean (150 USDT over bsc to an ethereum deposit address, refunded to the
 * sender), 2 refunded to another address, 2 worth 1,500 USDT (above the table's 1,000 USD).
 */
public final class StraightThroughBenchmark {

    static final String ELSEWHERE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final BigInteger WHOLE = BigInteger.TEN.pow(18); // USDT has 18 decimals on bsc

    private StraightThroughBenchmark() {
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

    enum Kind { CLEAN, ELSEWHERE, ABOVE_LIMIT }

    record Outcome(Kind kind, String route, String rule, long millis, int refundRounds) {
    }

    private static void run() throws Exception {
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-straight-through-").toAbsolutePath();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.data-dir=" + dataDir, "--recovery.straight-through.mode=on",
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + IntakeBenchmark.defaultDatabaseIn(dataDir), "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api("http://127.0.0.1:" + port);
            TestDeposits deposits = new TestDeposits(app.getBean(ChainClients.class));
            int confirmations = app.getBean(RecoveryRules.class).chain("bsc").orElseThrow().confirmations();
            List<Kind> mix = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                mix.addAll(List.of(Kind.CLEAN, Kind.ELSEWHERE, Kind.CLEAN, Kind.ABOVE_LIMIT, Kind.CLEAN, Kind.CLEAN, Kind.ELSEWHERE, Kind.CLEAN,
                        Kind.ABOVE_LIMIT, Kind.CLEAN));
            }
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            ExecutorService customers = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (String user : List.of("alice", "bob")) {
                List<Kind> mine = new ArrayList<>();
                for (int i = user.equals("alice") ? 0 : 1; i < mix.size(); i += 2) {
                    mine.add(mix.get(i));
                }
                done.add(customers.submit(() -> {
                    for (Kind kind : mine) {
                        outcomes.add(oneCase(api, deposits, user, kind));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            customers.shutdown();
            report(outcomes, confirmations);
        } finally {
            app.close();
        }
    }

    private static Outcome oneCase(Api api, TestDeposits deposits, String user, Kind kind) throws Exception {
        String address = api.get(user, "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        BigInteger amount = WHOLE.multiply(BigInteger.valueOf(kind == Kind.ABOVE_LIMIT ? 1500 : 150));
        String tx = deposits.sendToken("bsc", USDT, address, amount);
        long filedAt = System.nanoTime();
        Api.Answer filed = api.post(user, "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", tx, "depositAddress", address,
                "tokenContract", USDT, "refundAddress", kind == Kind.ELSEWHERE ? ELSEWHERE : TestDeposits.RICH));
        if (filed.status() != 201) {
            throw new IllegalStateException("filing refused: " + filed.body());
        }
        String id = filed.body().get("id").asText();
        while (true) {
            JsonNode c = api.get(user, "/api/v1/cases/" + id).body();
            String status = c.get("status").asText();
            if (status.equals("COMPLETED")) {
                long millis = (System.nanoTime() - filedAt) / 1_000_000;
                int rounds = 0;
                for (JsonNode t : c.get("transactions")) {
                    rounds = Math.max(rounds, t.get("purpose").asText().equals("GAS_TOP_UP") ? 2 : 1);
                }
                return new Outcome(kind, c.get("policy").get("route").asText(), c.get("policy").get("rule").asText(), millis, rounds);
            }
            if (status.equals("IN_REVIEW")) {
                if (api.post(user, "/api/v1/cases/" + id + "/cancel", Map.of()).status() != 200) {
                    throw new IllegalStateException("could not withdraw " + id);
                }
                return new Outcome(kind, c.get("policy").get("route").asText(), c.get("policy").get("rule").asText(), -1, 0);
            }
            if (!c.get("status").asText().matches("SUBMITTED|VERIFYING|REFUNDING")) {
                throw new IllegalStateException("case " + id + " ended " + c);
            }
            Thread.sleep(200); // the client's poll of the API, as the customer page polls; not a wait in the application
        }
    }

    private static void report(List<Outcome> outcomes, int confirmations) {
        List<Outcome> through = outcomes.stream().filter(o -> o.route().equals("AUTO_APPROVE")).toList();
        List<Long> latencies = through.stream().map(Outcome::millis).sorted().toList();
        long floorMs = (long) (confirmations + confirmations * through.stream().mapToInt(Outcome::refundRounds).max().orElse(1)) * 1000;
        long floorPlain = (long) (confirmations + confirmations) * 1000;
        System.out.println("STRAIGHT-THROUGH BENCHMARK on " + IntakeBenchmark.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        for (Outcome o : outcomes) {
            System.out.println("STRAIGHT-THROUGH case " + o.kind() + " -> " + o.route() + " by " + o.rule()
                    + (o.millis() < 0 ? "" : " in " + o.millis() + " ms, refund rounds " + o.refundRounds()));
        }
        System.out.println(String.format(Locale.ROOT,
                "STRAIGHT-THROUGH | %d cases | %d straight through (%.0f %%) | p50 %.1f s | p99 %.1f s | floor %.0f s (%.0f s with a gas top-up) |",
                outcomes.size(), through.size(), 100.0 * through.size() / outcomes.size(), percentile(latencies, 50) / 1000.0,
                percentile(latencies, 99) / 1000.0, floorPlain / 1000.0, floorMs / 1000.0));
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
