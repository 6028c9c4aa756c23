package com.recoverydesk.devnet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One anvil process: a real Ethereum JSON-RPC node on a loopback port with its own chain id, keeping its
 * state in a file so a restarted application finds the chain as it left it.
 */
public final class AnvilNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnvilNode.class);
    private static final Pattern PRIVATE_KEY = Pattern.compile("^\\((\\d+)\\) 0x[0-9a-fA-F]{64}$"); // "(0) 0xac09…" in the banner, not a transaction hash

    private final String chain;
    private final int port;
    private final Process process;
    private final Path pidFile;

    private AnvilNode(String chain, int port, Process process, Path pidFile) {
        this.chain = chain;
        this.port = port;
        this.process = process;
        this.pidFile = pidFile;
    }

    /**
     * Starts anvil and returns once it listens.
     *
     * @param portSetting the setting that chose the port, named in the error when the port is taken
     */
    public static AnvilNode start(Path anvil, String chain, int port, long chainId, int blockTimeSeconds, Path dataDir,
            String portSetting) {
        if (!Files.isExecutable(anvil)) {
            throw new DevnetStartupFailure("anvil not found at " + anvil.toAbsolutePath()
                    + ": run ./mvnw initialize (npm ci installs the pinned anvil) or set recovery.devnet.anvil-path");
        }
        Path pidFile = dataDir.resolve(chain + ".pid");
        stopOrphan(chain, pidFile);
        if (!portIsFree(port)) {
            throw new DevnetStartupFailure("port " + port + " for chain " + chain + " is in use: stop whatever listens there"
                    + " or change " + portSetting);
        }
        List<String> command = new ArrayList<>(List.of(anvil.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--chain-id", String.valueOf(chainId),
                "--state", dataDir.resolve(chain + ".json").toString(), "--state-interval", "5"));
        if (blockTimeSeconds > 0) {
            command.addAll(List.of("--block-time", String.valueOf(blockTimeSeconds)));
        }
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            AnvilNode node = new AnvilNode(chain, port, process, pidFile);
            node.awaitListening(dataDir.resolve(chain + ".log"));
            Files.writeString(pidFile, Long.toString(process.pid()));
            return node;
        } catch (IOException e) {
            throw new DevnetStartupFailure("cannot start anvil for chain " + chain + ": " + e.getMessage(), e);
        }
    }

    public String chain() {
        return chain;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops anvil gracefully, so it writes its state file; forcibly if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised as such on the next start
        }
    }

    /**
     * anvil's banner lists its accounts' private keys and their mnemonic. They are the well-known development
     * ones, but a log is shipped and read by many: no key is written to it, so nobody learns to look for one there.
     */
    static String withoutSecrets(String line) {
        return line.matches(".*Mnemonic:.*") ? "Mnemonic: (not logged)" : PRIVATE_KEY.matcher(line).replaceAll("($1) private key not logged");
    }

    /** anvil prints "Listening on host:port" once it serves; its output goes on into the chain's log file. */
    private void awaitListening(Path logFile) throws IOException {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        PrintWriter logWriter = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    logWriter.println(withoutSecrets(line));
                    if (line.contains("Listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                logWriter.close();
                listening.completeExceptionally(new IllegalStateException("anvil exited with code " + exitCode()));
            }
        }, "anvil-" + chain);
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new DevnetStartupFailure("anvil for chain " + chain + " did not start on port " + port + ": "
                    + (e.getCause() == null ? "no answer in 30 s" : e.getCause().getMessage()) + "; see " + logFile.toAbsolutePath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetStartupFailure("interrupted while starting anvil for chain " + chain);
        }
    }

    private String exitCode() {
        try {
            return process.isAlive() ? "(still running)" : String.valueOf(process.exitValue());
        } catch (IllegalThreadStateException e) {
            return "(unknown)";
        }
    }

    /**
     * An application killed with kill -9 leaves its anvil running. The pid file tells ours apart from any other
     * program on the port: only an anvil that this data directory started is stopped.
     */
    private static void stopOrphan(String chain, Path pidFile) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("anvil")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping anvil for chain {} left running by an earlier run (pid {})", chain, pid);
                orphan.get().destroy();
                orphan.get().onExit().get(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException | ExecutionException | TimeoutException e) {
            log.warn("Could not stop an earlier anvil for chain {}: {}", chain, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
