package com.recoverydesk.benchmark;

import static com.recoverydesk.support.DevnetContracts.USDT;

import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.TestDeposits;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.config.YamlProcessor;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files cases for real devnet deposits through the HTTP API at a fixed concurrency and measures how fast they
 * reach the review queue, then runs the same BPMN with no-op delegates on a bare engine as the baseline. Not a
 * test: run it with {@code scripts/benchmark.sh} (H2, then PostgreSQL), which writes docs/benchmark.md.
 * Settings: -Dbenchmark.cases (600), -Dbenchmark.concurrency (20), -Dbenchmark.warm-up (200 cases first, not measured), -Dbenchmark.label (the database's name in
 * the report), -Dspring.datasource.url for another database; any application setting as -D for experiments.
 */
public final class IntakeBenchmark {

    private static final String REFUND_TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private IntakeBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        // exec:java waits for every non-daemon thread a library may have left behind; the figures are written
        System.exit(0);
    }

    private static void run() throws Exception {
        int total = Integer.getInteger("benchmark.cases", 600);
        int concurrency = Integer.getInteger("benchmark.concurrency", 20);
        int warmUp = Integer.getInteger("benchmark.warm-up", 200);
        String label = System.getProperty("benchmark.label", "H2");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-").toAbsolutePath();
        String databaseUrl = System.getProperty("spring.datasource.url", defaultDatabaseIn(dataDir));
        String databaseUser = System.getProperty("spring.datasource.username", "sa");
        String databasePassword = System.getProperty("spring.datasource.password", "");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.block-time-seconds=0", "--recovery.devnet.data-dir=" + dataDir,
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + databaseUser,
                "--spring.datasource.password=" + databasePassword,
                "--recovery.verification.recheck-interval=PT1S", "--logging.level.root=WARN");
        Measured ours;
        try {
            ours = measure(app, warmUp, total, concurrency);
        } finally {
            app.close();
        }
        Figures baseline = BareEngineBaseline.run(baselineDatabase(databaseUrl, databaseUser, databasePassword, dataDir), databaseUser,
                databasePassword, ours.settings(), warmUp, total, concurrency);
        Figures figures = ours.figures();
        String load = String.format(Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String row = String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %d | %.2f | %.1f | %d | %.2f | %.2f | %.1f | %.1f | %.2f | %s |", label,
                total, concurrency, figures.casesPerSecond(), figures.p50(), figures.p95(), figures.p99(), ours.roundTrips(),
                baseline.casesPerSecond(), baseline.p99(), figures.casesPerSecond() / baseline.casesPerSecond(),
                figures.p99() / (double) baseline.p99(), figures.cpuMillisPerCase(), baseline.cpuMillisPerCase(),
                baseline.cpuMillisPerCase() / figures.cpuMillisPerCase(), load);
        System.out.println("BENCHMARK " + row + " with " + ours.settings());
        report(row, label);
    }

    /** Files warm-up and measured cases through the running application's API. */
    static Measured measure(ConfigurableApplicationContext app, int warmUp, int total, int concurrency) throws Exception {
        Arrivals arrivals = new Arrivals();
        app.addApplicationListener(new ReviewQueueListener(arrivals));
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        Api api = new Api(base);
        ChainClients chains = app.getBean(ChainClients.class);
        TestDeposits deposits = new TestDeposits(chains);
        String alice = api.get("alice", "/api/v1/me/deposit-addresses").body().get(0).get("address").asText();
        List<String> txs = new ArrayList<>();
        for (int i = 0; i < warmUp + total; i++) {
            txs.add(deposits.sendToken("bsc", USDT, alice, new BigInteger("250000000000000000000")));
        }
        deposits.mine("bsc", 20);
        deposits.receipt("bsc", txs.get(txs.size() - 1));

        List<String> ids = new ArrayList<>();
        Function<String, Duration> fileOne = tx -> {
            long start = System.nanoTime();
            Api.Answer filed = api.post("alice", "/api/v1/cases", Map.of("type", "WRONG_NETWORK", "chain", "bsc", "txHash", tx,
                    "depositAddress", alice, "tokenContract", USDT, "refundAddress", REFUND_TO));
            if (filed.status() != 201) {
                throw new IllegalStateException("filing failed: " + filed.body());
            }
            String id = filed.body().get("id").asText();
            synchronized (ids) {
                ids.add(id);
            }
            return arrivals.awaitSince(id, start);
        };
        // the first cases run while the JIT compiles the hot paths; both this run and the baseline warm up alike
        ClosedLoad.run(txs.subList(0, warmUp), concurrency, fileOne);
        long roundTripsBefore = chains.roundTrips("bsc");
        QueryStatistics statistics = QueryStatistics.startIfAsked(app.getBean(DataSource.class));
        Figures figures = ClosedLoad.run(txs.subList(warmUp, txs.size()), concurrency, fileOne);
        statistics.print(total);
        double roundTrips = (chains.roundTrips("bsc") - roundTripsBefore) / (double) total;
        for (String id : ids) { // what the user sees agrees with what was measured inside
            String status = api.get("alice", "/api/v1/cases/" + id).body().get("status").asText();
            if (!status.equals("IN_REVIEW")) {
                throw new IllegalStateException("case " + id + " is " + status + " through the API");
            }
        }
        return new Measured(figures, roundTrips, settingsOf(app));
    }

    record Measured(Figures figures, double roundTrips, BareEngineBaseline.Settings settings) {
    }

    /** The job executor and pool as the application ran them, for the baseline to run alike. */
    private static BareEngineBaseline.Settings settingsOf(ConfigurableApplicationContext app) {
        JobExecutionProperty pool = app.getBean(CamundaBpmProperties.class).getJobExecution();
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        JobExecutor jobs = engine.getJobExecutor();
        DataSource dataSource = app.getBean(DataSource.class);
        int connections = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 10;
        return new BareEngineBaseline.Settings(engine.getHistory(),
                pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(),
                jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(), jobs.getMaxWait(), jobs.getBackoffTimeInMillis(), connections);
    }

    /** The embedded database exactly as application.yml configures it, with its file in {@code dir}. */
    static String defaultDatabaseIn(Path dir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        yaml.setDocumentMatchers(document -> document.containsKey("spring.config.activate.on-profile")
                ? YamlProcessor.MatchStatus.NOT_FOUND : YamlProcessor.MatchStatus.FOUND); // the default, not a profile's
        return yaml.getObject().getProperty("spring.datasource.url").replace("./data/", dir + "/");
    }

    /** A fresh database of the same kind and settings for the bare engine: a file beside ours on H2, a sibling database on PostgreSQL. */
    private static String baselineDatabase(String databaseUrl, String user, String password, Path dataDir) throws Exception {
        if (databaseUrl.startsWith("jdbc:h2:")) {
            int options = databaseUrl.indexOf(';');
            return "jdbc:h2:file:" + dataDir.resolve("baseline") + (options < 0 ? "" : databaseUrl.substring(options));
        }
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password); Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS baseline");
            sql.execute("CREATE DATABASE baseline");
        }
        return databaseUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/baseline");
    }

    /** Marks a case arrived when its move to IN_REVIEW commits; any other outcome fails its client. */
    private record ReviewQueueListener(Arrivals arrivals) implements ApplicationListener<PayloadApplicationEvent<CaseStatusChanged>> {

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<CaseStatusChanged> event) {
            CaseStatusChanged change = event.getPayload();
            if (change.status() == CaseStatus.SUBMITTED || change.status() == CaseStatus.VERIFYING) {
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (change.status() == CaseStatus.IN_REVIEW) {
                        arrivals.arrived(change.caseId());
                    } else {
                        arrivals.failed(change.caseId(), "ended " + change.status() + " " + change.reason());
                    }
                }
            });
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    /** Replaces this database's row in docs/benchmark.md, keeping the rest of the page. */
    private static void report(String row, String label) throws Exception {
        Path file = Path.of("docs", "benchmark.md");
        String header = "| database | cases | concurrency | cases/s | p50 ms | p95 ms | p99 ms | JSON-RPC round trips per verification "
                + "| bare engine cases/s | bare engine p99 ms | ratio to bare engine | p99 / bare engine p99 | JVM CPU ms per case "
                + "| bare engine JVM CPU ms per case | CPU ratio (bare / ours) | load average at the end |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
        List<String> rows = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("| ") && !line.startsWith("| database") && !line.startsWith("| ---") && !line.startsWith("| " + label + " |")
                        && line.split("\\|").length == row.split("\\|").length) {
                    rows.add(line);
                }
            }
        }
        rows.add(row);
        String machine = cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB heap, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        String intro = Files.exists(file) ? Files.readString(file).split("\n## Figures", 2)[0] : "# Benchmark\n";
        Files.writeString(file, intro + "\n## Figures\n\nLast run " + Instant.now() + " on " + machine + ".\n\n" + header + String.join("\n", rows) + "\n");
    }
}
