package com.recoverydesk.benchmark;

import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.support.Api;
import com.recoverydesk.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of cases (scripts/benchmark-year.sh): measures the application on its empty database, fills it with
 * {@code benchmark.finished} finished cases (default 1,000,000) and {@code benchmark.open} open ones (default 10,000)
 * through {@link CaseLoader}, and measures again in the same run: filing to IN_REVIEW, the desk search, the first page
 * of the staff queue and of a customer's cases, and the Prometheus scrape. Writes its section of docs/benchmark.md.
 */
public final class MillionCases {

    private static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);

    private MillionCases() {
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
        int finished = Integer.getInteger("benchmark.finished", 1_000_000);
        int open = Integer.getInteger("benchmark.open", 10_000);
        int filings = Integer.getInteger("benchmark.cases", 300);
        int warmUp = Integer.getInteger("benchmark.warm-up", 100);
        int concurrency = Integer.getInteger("benchmark.concurrency", 20);
        String label = System.getProperty("benchmark.label", "H2");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-year-").toAbsolutePath();
        String url = System.getProperty("spring.datasource.url", IntakeBenchmark.defaultDatabaseIn(dataDir));
        String user = System.getProperty("spring.datasource.username", "sa");
        String password = System.getProperty("spring.datasource.password", "");
        ConfigurableApplicationContext app = start(dataDir, url, user, password);
        try {
            Api api = api(app);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));

            IntakeBenchmark.Measured emptyFiling = IntakeBenchmark.measure(app, warmUp, filings, concurrency);
            Map<String, long[]> empty = probe(api, jdbc);

            long start = System.nanoTime();
            CaseLoader loader = new CaseLoader(connections(app, url, user, password), Instant.now());
            loader.bulkLoading(true);
            long rows = loader.loadFinished(finished, 2);
            Duration finishedTook = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "LOADED %d finished cases (%d rows) in %s%n", finished, rows, finishedTook);
            long openStart = System.nanoTime();
            loader.loadOpen(open, app.getBean(RuntimeService.class), 2);
            Duration openTook = Duration.ofNanos(System.nanoTime() - openStart);
            System.out.printf(Locale.ROOT, "LOADED %d open cases in %s%n", open, openTook);
            loader.bulkLoading(false);
            loader.analyze();
            if (url.startsWith("jdbc:h2:")) {
                // a bulk load leaves H2's file mostly old pages (45 GB for 2.7 GB of live data after a million cases, chunks
                // 16 % full), and the store then rewrites them in the background under the lock every commit waits for: the
                // first loaded measurement ran at half the empty database's rate for that alone. A desk that grew over a
                // year was compacted as it went; here the application stops, the file is compacted, and it starts again.
                app.close();
                compact(url, user, password);
                app = start(dataDir, url, user, password);
                api = api(app);
                jdbc = JdbcClient.create(app.getBean(DataSource.class));
            }

            IntakeBenchmark.Measured fullFiling = IntakeBenchmark.measure(app, warmUp, filings, concurrency);
            Map<String, long[]> full = probe(api, jdbc);
            report(label, finished, open, rows, finishedTook, openTook, filings, concurrency, emptyFiling.figures(), fullFiling.figures(), empty, full);
        } finally {
            app.close();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String url, String user, String password) {
        return new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.block-time-seconds=0", "--recovery.devnet.data-dir=" + dataDir,
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--recovery.verification.recheck-interval=PT1S", "--logging.level.root=WARN");
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    /** Rewrites the H2 file with its live pages only; the application must be stopped (the database closes with it). */
    private static void compact(String url, String user, String password) throws Exception {
        long start = System.nanoTime();
        Connection connection = DriverManager.getConnection(url, user, password);
        try {
            connection.createStatement().execute("shutdown compact");
        } catch (java.sql.SQLException e) {
            if (!"90121".equals(e.getSQLState())) { // "database is already closed": what shutting it down answers
                throw e;
            }
        }
        System.out.printf(Locale.ROOT, "COMPACTED in %s%n", Duration.ofNanos(System.nanoTime() - start));
    }

    /** H2 in this JVM shares the application's pool; PostgreSQL gets its own connections that batch multi-row inserts. */
    private static CaseLoader.ConnectionSource connections(ConfigurableApplicationContext app, String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            String batched = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
            return () -> DriverManager.getConnection(batched, user, password);
        }
        DataSource pool = app.getBean(DataSource.class);
        return pool::getConnection;
    }

    /** Each query {@code SAMPLES} times after a warm-up, one client; p50 and p99 in milliseconds (as long[]{p50, p99}). */
    private static Map<String, long[]> probe(Api api, JdbcClient jdbc) {
        List<String> txs = jdbc.sql("select tx_hash from recovery.recovery_case order by id fetch first 200 rows only").query(String.class).list();
        List<String> addresses = jdbc.sql("select deposit_address from recovery.recovery_case order by id fetch first 200 rows only")
                .query(String.class).list();
        List<String> customers = jdbc.sql("select customer_id from recovery.recovery_case order by id fetch first 200 rows only")
                .query(String.class).list();
        List<String> statuses = List.of("COMPLETED", "REJECTED", "IN_REVIEW", "AWAITING_APPROVAL", "CANCELLED");
        Map<String, long[]> figures = new LinkedHashMap<>();
        figures.put("desk search by TXID", time(i -> api.get("sam", "/api/v1/desk/cases?txHash=" + txs.get(i % txs.size()))));
        figures.put("desk search by address (any letter case)",
                time(i -> api.get("sam", "/api/v1/desk/cases?address=" + addresses.get(i % addresses.size()).toLowerCase(Locale.ROOT))));
        figures.put("desk search by user", time(i -> api.get("sam", "/api/v1/desk/cases?user=" + customers.get(i % customers.size()))));
        figures.put("desk search by status", time(i -> api.get("sam", "/api/v1/desk/cases?status=" + statuses.get(i % statuses.size()))));
        figures.put("specialist's first page of tasks (sam, appeals)", time(i -> api.get("sam", "/api/v1/tasks")));
        figures.put("wallet team's first page of tasks (wendy)", time(i -> api.get("wendy", "/api/v1/tasks")));
        figures.put("customer's first page of cases (alice)", time(i -> api.get("alice", "/api/v1/cases")));
        figures.put("Prometheus scrape", time(i -> scrape(api)));
        return figures;
    }

    /** The scrape as Prometheus asks for it: its text format, not JSON. */
    private static Api.Answer scrape(Api api) {
        try {
            java.net.http.HttpResponse<String> response = SCRAPER.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.baseUrl() + "/actuator/prometheus")).header("Accept", "text/plain")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("recovery_cases")) {
                throw new IllegalStateException("the scrape has no case gauges: " + response.statusCode());
            }
            return new Api.Answer(response.statusCode(), null, "text/plain", null, response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient SCRAPER = java.net.http.HttpClient.newHttpClient();

    private interface Call {
        Api.Answer call(int i);
    }

    private static long[] time(Call call) {
        for (int i = 0; i < 20; i++) {
            check(call.call(i));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            Api.Answer answer = call.call(i);
            micros.add((System.nanoTime() - start) / 1000);
            check(answer);
        }
        Collections.sort(micros);
        return new long[] {micros.get(micros.size() / 2), micros.get((int) Math.ceil(0.99 * micros.size()) - 1)};
    }

    private static void check(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("probe answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void report(String label, int finished, int open, long rows, Duration finishedTook, Duration openTook, int filings,
            int concurrency, Figures emptyFiling, Figures fullFiling, Map<String, long[]> empty, Map<String, long[]> full) throws Exception {
        Map<String, String> goals = Map.of("desk search by TXID", "≤ 50", "desk search by address (any letter case)", "≤ 50",
                "desk search by user", "≤ 50", "desk search by status", "≤ 50", "specialist's first page of tasks (sam, appeals)", "≤ 100",
                "wallet team's first page of tasks (wendy)", "≤ 100", "customer's first page of cases (alice)", "≤ 50", "Prometheus scrape", "≤ 100");
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "### %s: %,d finished and %,d open cases%n%n", label, finished, open));
        table.append(String.format(Locale.ROOT, "Run %s on %s, %d cores. Loading took %s for the finished cases (%,d rows in all tables, %.0f rows/s) "
                        + "and %s for the open ones (their process instances started through the engine).%n%n", Instant.now(), IntakeBenchmark.cpuModel(),
                Runtime.getRuntime().availableProcessors(), round(finishedTook), rows, rows / (finishedTook.toMillis() / 1000.0), round(openTook)));
        table.append("| measure | goal | empty database | loaded | loaded / empty | goal met |\n| --- | --- | --- | --- | --- | --- |\n");
        table.append(String.format(Locale.ROOT, "| filing → IN_REVIEW, %d cases at concurrency %d: cases/s | ≥ empty / 1.2 | %.1f | %.1f | %.2f | %s |%n",
                filings, concurrency, emptyFiling.casesPerSecond(), fullFiling.casesPerSecond(), fullFiling.casesPerSecond() / emptyFiling.casesPerSecond(),
                fullFiling.casesPerSecond() * 1.2 >= emptyFiling.casesPerSecond() ? "yes" : "no"));
        table.append(String.format(Locale.ROOT, "| filing → IN_REVIEW p50 ms | ≤ 1.2 × empty | %d | %d | %.2f | %s |%n", emptyFiling.p50(), fullFiling.p50(),
                fullFiling.p50() / (double) emptyFiling.p50(), fullFiling.p50() <= 1.2 * emptyFiling.p50() ? "yes" : "no"));
        table.append(String.format(Locale.ROOT, "| filing → IN_REVIEW p99 ms | ≤ 1.2 × empty | %d | %d | %.2f | %s |%n", emptyFiling.p99(), fullFiling.p99(),
                fullFiling.p99() / (double) emptyFiling.p99(), fullFiling.p99() <= 1.2 * emptyFiling.p99() ? "yes" : "no"));
        for (String measure : full.keySet()) {
            long[] e = empty.get(measure);
            long[] f = full.get(measure);
            long goal = Long.parseLong(goals.get(measure).replaceAll("[^0-9]", ""));
            table.append(String.format(Locale.ROOT, "| %s: p50 / p99 ms | p99 %s | %.1f / %.1f | %.1f / %.1f | %.2f | %s |%n", measure, goals.get(measure),
                    e[0] / 1000.0, e[1] / 1000.0, f[0] / 1000.0, f[1] / 1000.0, f[1] / (double) Math.max(1, e[1]), f[1] <= goal * 1000 ? "yes" : "no"));
        }
        String section = "<!-- year:" + label + " -->\n" + table + "<!-- /year:" + label + " -->\n";
        System.out.println(section);
        Path file = Path.of("docs", "benchmark.md");
        String text = Files.readString(file);
        String begin = "<!-- year:" + label + " -->";
        String end = "<!-- /year:" + label + " -->\n";
        if (text.contains(begin)) {
            text = text.substring(0, text.indexOf(begin)) + section + text.substring(text.indexOf(end) + end.length());
        } else if (text.contains("<!-- year:figures -->\n")) {
            text = text.replace("<!-- year:figures -->\n", "<!-- year:figures -->\n" + section + "\n");
        } else {
            text = text.replace("\n## Figures", "\n<!-- year:figures -->\n" + section + "\n## Figures");
        }
        Files.writeString(file, text);
    }

    private static String round(Duration d) {
        return d.toSeconds() >= 120 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
