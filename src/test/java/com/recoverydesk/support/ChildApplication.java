package com.recoverydesk.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Recovery Desk as a separate operating-system process, built from this test run's classpath, so a test can
 * kill it with SIGKILL (kill -9) and start it again on the same database.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ChildApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ChildApplication start(Map<String, String> settings, Path log) {
        int port = IntegrationTest.freePort();
        String classpath = String.join(java.io.File.pathSeparator, new java.util.LinkedHashSet<>(List.of(
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(java.io.File.pathSeparator))));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, "com.recoverydesk.RecoveryDeskApplication", "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChildApplication child = new ChildApplication(process, log, port);
            try {
                child.awaitReady();
            } catch (RuntimeException notReady) {
                child.close(); // no process outlives the test that could not use it
                throw notReady;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a node started by a test needs to join the test's chains: devnet off, the test chains file and the
     * test's anvil ports, short retry and lock times so a killed node's work is taken over in seconds.
     */
    public static Map<String, String> onTestChains(String databaseUrl, String databaseUser) {
        Map<String, String> settings = new java.util.HashMap<>();
        settings.put("spring.datasource.url", databaseUrl);
        settings.put("spring.datasource.username", databaseUser);
        settings.put("spring.datasource.password", "");
        settings.put("recovery.devnet.enabled", "false");
        settings.put("recovery.chains-file", "src/test/resources/chains-test.yml");
        settings.put("ETHEREUM_RPC_URL", "http://127.0.0.1:" + IntegrationTest.ETHEREUM_PORT);
        settings.put("BSC_RPC_URL", "http://127.0.0.1:" + IntegrationTest.BSC_PORT);
        settings.put("ARBITRUM_RPC_URL", "http://127.0.0.1:" + IntegrationTest.ARBITRUM_PORT);
        settings.put("POLYGON_RPC_URL", "http://127.0.0.1:" + IntegrationTest.POLYGON_NODE.port());
        settings.put("recovery.verification.recheck-interval", "PT1S");
        settings.put("recovery.verification.retry-cycle", "R20/PT1S");
        settings.put("recovery.refund.recheck-interval", "PT1S");
        settings.put("recovery.refund.retry-cycle", "R20/PT1S");
        // a killed node's jobs are taken over once their lock expires: seconds here, minutes by default
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "3000");
        settings.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        settings.put("camunda.bpm.job-execution.max-wait", "500");
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the process has written a line containing {@code marker} to its log. */
    public void awaitLog(String marker, Duration atMost, Runnable whileWaiting) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(300)).until(() -> {
            whileWaiting.run();
            return Files.readString(log).contains(marker);
        });
    }

    /** SIGKILL: no shutdown hook, no commit, no goodbye. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        // a loaded machine (CI runs on two cores) may need minutes to start the engine
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() != 200) {
                    System.err.println("the application is not healthy yet: " + health.statusCode() + " " + health.body());
                }
                return health.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
