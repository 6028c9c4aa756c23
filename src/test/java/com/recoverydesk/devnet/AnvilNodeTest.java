package com.recoverydesk.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;

/** One anvil process: starts on its port, keeps its chain across restarts, and says clearly why it cannot start. */
class AnvilNodeTest {

    private static final Path ANVIL = Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");

    @TempDir
    Path dataDir;

    @Test
    void keepsItsChainAcrossARestartAndFreesItsPortWhenStopped() throws Exception {
        int port = freePort();
        BigInteger height;
        try (AnvilNode node = AnvilNode.start(ANVIL, "ethereum", port, 1, 0, dataDir, "ETHEREUM_RPC_URL")) {
            Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port));
            new Request<>("anvil_mine", List.of("0x5"), new HttpService("http://127.0.0.1:" + port), Devnet.AnyAnswer.class).send();
            height = web3j.ethBlockNumber().send().getBlockNumber();
            assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.ONE);
            web3j.shutdown();
        }
        assertThat(portIsFree(port)).as("anvil stopped with the node").isTrue();
        assertThat(Files.readString(dataDir.resolve("ethereum.log"))).contains("Listening on", "Available Accounts")
                .contains("(0) private key not logged").doesNotContainPattern("\\(\\d+\\) 0x[0-9a-fA-F]{64}").doesNotContain("test test test");
        assertThat(Files.exists(dataDir.resolve("ethereum.json"))).isTrue();

        try (AnvilNode again = AnvilNode.start(ANVIL, "ethereum", port, 1, 0, dataDir, "ETHEREUM_RPC_URL")) {
            Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port));
            assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isGreaterThanOrEqualTo(height).isPositive();
            web3j.shutdown();
        }
    }

    @Test
    void refusesAPortThatIsTakenNamingTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> AnvilNode.start(ANVIL, "bsc", port, 56, 0, dataDir, "BSC_RPC_URL"))
                    .isInstanceOf(DevnetStartupFailure.class)
                    .hasMessage("port " + port + " for chain bsc is in use: stop whatever listens there or change BSC_RPC_URL");
        }
    }

    @Test
    void refusesAMissingAnvilSayingHowToInstallIt() {
        Path nowhere = dataDir.resolve("no-anvil-here");

        assertThatThrownBy(() -> AnvilNode.start(nowhere, "bsc", 1, 56, 0, dataDir, "BSC_RPC_URL"))
                .isInstanceOf(DevnetStartupFailure.class)
                .hasMessageContaining("anvil not found at " + nowhere.toAbsolutePath())
                .hasMessageContaining("./mvnw initialize")
                .hasMessageContaining("recovery.devnet.anvil-path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
