package com.recoverydesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.support.IntegrationTest;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Imports {@code benchmark.addresses} (1,000,000) deposit addresses through {@code POST /api/v1/admin/deposit-addresses}
 * in one streamed request, then the same file again (every line UNCHANGED), and reports the time and the peak heap
 * of the JVM that runs both the application and the client. The client generates the lines as it sends them
 * (random 20-byte addresses in EIP-55 form, no account index) and only counts the answer, so the heap measured is
 * the application's. Not a test: run it with {@code scripts/benchmark-import.sh} (H2, then PostgreSQL); it prints
 * one row per database for docs/benchmark.md, "Deposit-address import".
 */
public final class AddressImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AddressImportBenchmark() {
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
        int lines = Integer.getInteger("benchmark.addresses", 1_000_000);
        String label = System.getProperty("benchmark.label", "H2");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "benchmark-import-").toAbsolutePath();
        String databaseUrl = System.getProperty("spring.datasource.url", IntakeBenchmark.defaultDatabaseIn(dataDir));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--server.port=0", "--recovery.devnet.block-time-seconds=0", "--recovery.devnet.data-dir=" + dataDir,
                "--ETHEREUM_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(), "--BSC_RPC_URL=http://127.0.0.1:" + IntegrationTest.freePort(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + System.getProperty("spring.datasource.username", "sa"),
                "--spring.datasource.password=" + System.getProperty("spring.datasource.password", ""),
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Pass first = importOnce(port, lines);
            Pass again = importOnce(port, lines);
            if (first.summary().get("added").asLong() != lines || again.summary().get("unchanged").asLong() != lines) {
                throw new IllegalStateException("unexpected outcome: " + first.summary() + " then " + again.summary());
            }
            String row = String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %,.0f | %.1f | %d | %d | %d |", label, lines, first.seconds(),
                    first.cpuSeconds(), lines / first.seconds(), again.seconds(), Math.max(first.peakUsedMiB(), again.peakUsedMiB()),
                    Math.max(first.peakAfterGcMiB(), again.peakAfterGcMiB()), Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("IMPORT BENCHMARK on " + IntakeBenchmark.cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + System.getProperty("java.version"));
            System.out.println("IMPORT BENCHMARK | database | addresses | first import s | its CPU s | addresses/s | same file again s | peak heap used MiB "
                    + "| peak heap after GC MiB | max heap MiB |");
            System.out.println("IMPORT BENCHMARK " + row);
        } finally {
            app.close();
        }
    }

    /**
     * One import over a plain socket: the body is written by one thread while this one reads the answer, as a
     * deposit system streaming a large file would (HTTP/1.0, so the answer ends when the server closes).
     */
    private static Pass importOnce(int port, int lines) throws Exception {
        HeapSampler heap = HeapSampler.begin();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            long lineLength = line(0, new SplittableRandom(1)).length;
            String head = "POST /api/v1/admin/deposit-addresses HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Content-Length: " + lineLength * lines + "\r\n\r\n";
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    SplittableRandom random = new SplittableRandom(42); // the same addresses on both passes
                    for (int i = 0; i < lines; i++) {
                        out.write(line(i, random));
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "import-writer");
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null || !status.contains(" 200 ")) {
                throw new IllegalStateException("import answered " + status);
            }
            while (!in.readLine().isEmpty()) {
                // headers
            }
            String line;
            String last = null;
            long results = 0;
            while ((line = in.readLine()) != null) {
                results++;
                last = line;
            }
            writer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            heap.halt();
            JsonNode summary = JSON.readTree(last).get("summary");
            if (results != lines + 1L) {
                throw new IllegalStateException(results + " answer lines for " + lines + " lines sent");
            }
            return new Pass(seconds, cpuSeconds, summary, heap.peakUsed.get() >> 20, heap.peakAfterGc.get() >> 20);
        }
    }

    /** One NDJSON line of a fixed length: a user id of 8 characters and a random address in EIP-55 form. */
    private static byte[] line(int i, SplittableRandom random) {
        byte[] address = new byte[20];
        random.nextBytes(address);
        String user = String.format(Locale.ROOT, "u%07d", i % 10_000_000);
        return ("{\"userId\":\"" + user + "\",\"address\":\"" + Keys.toChecksumAddress(Numeric.toHexString(address))
                + "\",\"chains\":[\"ethereum\"]}\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** CPU time of this JVM (application and client): on a shared machine, a steadier figure than the wall clock. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Pass(double seconds, double cpuSeconds, JsonNode summary, long peakUsedMiB, long peakAfterGcMiB) {
    }

    /**
     * The heap used, sampled every 20 ms, and the heap left after each collection (what is really held); the
     * first includes garbage not yet collected, so it says more about the collector than about the import.
     */
    private static final class HeapSampler extends Thread {

        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        private volatile boolean running = true;
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();

        static HeapSampler begin() {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.setDaemon(true);
            sampler.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                long afterGc = pools.stream().filter(p -> p.getCollectionUsage() != null).mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                peakAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void halt() {
            running = false;
            interrupt();
        }
    }
}
