package com.recoverydesk.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.recoverydesk.devnet.AnvilNode;
import com.recoverydesk.rules.ChainsFileLoader;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.support.IntegrationTest;
import com.recoverydesk.support.RpcRelay;
import com.recoverydesk.support.TestDeposits;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A chain with several endpoints, against real anvil nodes behind relays that count what reaches them: requests go to
 * a healthy endpoint, fail over where that is safe, skip one that lags, never touch one on another chain, and stay
 * within the chain's request budget. A standalone {@link ChainClients} over real {@link RecoveryRules}: no application
 * context is needed to show how one chain's requests are routed.
 */
class EndpointFailoverTest {

    private static final Path ANVIL = Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    private static final Path DATA = Path.of("target/endpoints-test-" + ProcessHandle.current().pid());
    /** anvil's second default account: funded on every fresh anvil, well known, used by no other test here. */
    private static final Credentials SENDER = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    /** The chain (id 1), its copy that falls behind (id 1, mined separately), and a node of another network (id 5). */
    static AnvilNode node;
    static AnvilNode behind;
    static AnvilNode otherNetwork;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void nodes() {
        node = AnvilNode.start(ANVIL, "endpoints-a", IntegrationTest.freePort(), 1, 0, DATA, "test port");
        behind = AnvilNode.start(ANVIL, "endpoints-b", IntegrationTest.freePort(), 1, 0, DATA, "test port");
        otherNetwork = AnvilNode.start(ANVIL, "endpoints-c", IntegrationTest.freePort(), 5, 0, DATA, "test port");
    }

    @AfterAll
    static void stopNodes() {
        node.close();
        behind.close();
        otherNetwork.close();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void aReadFailsOverWhenTheFirstEndpointStopsAndReturnsToItOnceItAnswers() throws Exception {
        RpcRelay first = relay(node.port());
        RpcRelay second = relay(node.port());
        ChainClients clients = started(first.url() + "," + second.url());
        Web3j ethereum = clients.client("ethereum");

        ethereum.ethBlockNumber().send();
        assertThat(first.requestsBesidesProbes()).hasSize(1);
        assertThat(second.requestsBesidesProbes()).isEmpty();

        first.stop();
        BigInteger head = ethereum.ethBlockNumber().send().getBlockNumber();
        ethereum.ethBlockNumber().send();

        assertThat(head).isEqualTo(blockNumber(node));
        assertThat(second.requestsBesidesProbes()).hasSize(2); // the one that failed over, and the next: the first is skipped
        assertThat(clients.endpoints("ethereum")).extracting(EndpointHealth::state).containsExactly("DOWN", "UP");
        assertThat(clients.endpoints("ethereum").get(0).errors()).isEqualTo(1);
        assertThat(clients.failedRoundTrips("ethereum")).isEqualTo(1);

        first.start();
        clients.probeNow("ethereum");
        ethereum.ethBlockNumber().send();

        assertThat(clients.endpoints("ethereum")).extracting(EndpointHealth::state).containsExactly("UP", "UP");
        assertThat(first.requestsBesidesProbes()).hasSize(2);
        assertThat(second.requestsBesidesProbes()).hasSize(2);
    }

    @Test
    void aSignedTransactionIsSentAgainElsewhereWhenAnEndpointFailsAndIsMinedOnce() throws Exception {
        RpcRelay failing = relay(node.port());
        RpcRelay healthy = relay(node.port());
        ChainClients clients = started(failing.url() + "," + healthy.url());
        Web3j ethereum = clients.client("ethereum");
        String to = Credentials.create("0x" + "11".repeat(32)).getAddress();
        BigInteger before = direct(node).ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance();
        String signed = signedTransfer(direct(node), to, BigInteger.valueOf(1_000_000));

        failing.mode(RpcRelay.Mode.HTTP_500);
        String hash = ethereum.ethSendRawTransaction(signed).send().getTransactionHash();
        failing.mode(RpcRelay.Mode.FORWARD);
        clients.probeNow("ethereum");
        var again = ethereum.ethSendRawTransaction(signed).send(); // the same bytes, now to the first endpoint

        assertThat(failing.requestsBesidesProbes()).extracting(RpcRelay.Arrival::methods)
                .containsExactly(List.of("eth_sendRawTransaction"), List.of("eth_sendRawTransaction"));
        assertThat(healthy.requestsBesidesProbes()).extracting(RpcRelay.Arrival::methods).containsExactly(List.of("eth_sendRawTransaction"));
        assertThat(hash).isEqualTo(org.web3j.crypto.Hash.sha3(signed));
        assertThat(again.hasError()).isTrue(); // mined already: the node refuses it again (nonce too low), nothing is paid twice
        assertThat(direct(node).ethGetBalance(to, DefaultBlockParameterName.LATEST).send().getBalance())
                .isEqualTo(before.add(BigInteger.valueOf(1_000_000)));
    }

    @Test
    void aMethodThatChangesTheNodeIsNotRepeatedElsewhereAfterTheEndpointMayHaveReceivedIt() throws Exception {
        RpcRelay failing = relay(node.port());
        RpcRelay healthy = relay(node.port());
        ChainClients clients = started(failing.url() + "," + healthy.url());
        failing.mode(RpcRelay.Mode.HTTP_500);

        assertThatThrownBy(() -> new Request<>("anvil_mine", List.of("0x1"), clients.service("ethereum"), TestDeposits.Plain.class).send())
                .isInstanceOf(IOException.class).hasMessage("HTTP 500 from " + failing.url());

        assertThat(healthy.requestsBesidesProbes()).isEmpty();
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsSkipped() throws Exception {
        RpcRelay stalling = relay(node.port());
        RpcRelay healthy = relay(node.port());
        ChainClients clients = started(stalling.url() + "," + healthy.url(), 100, Duration.ofSeconds(1));
        stalling.mode(RpcRelay.Mode.STALL);

        BigInteger head = clients.client("ethereum").ethBlockNumber().send().getBlockNumber();
        clients.client("ethereum").ethBlockNumber().send();

        assertThat(head).isEqualTo(blockNumber(node));
        assertThat(stalling.requestsBesidesProbes()).hasSize(1);
        assertThat(healthy.requestsBesidesProbes()).hasSize(2);
        EndpointHealth skipped = clients.endpoints("ethereum").get(0);
        assertThat(skipped.state()).isEqualTo("DOWN");
        assertThat(skipped.up()).isFalse();
        assertThat(skipped.problem()).isEqualTo("no answer within PT1S");
    }

    @Test
    void anEndpointThatLagsIsSkippedUntilItCatchesUp() throws Exception {
        RpcRelay lagging = relay(behind.port());
        RpcRelay best = relay(node.port());
        mine(node, blockNumber(behind).subtract(blockNumber(node)).max(BigInteger.ZERO).longValueExact() + 8);
        long gap = blockNumber(node).subtract(blockNumber(behind)).longValueExact();
        ChainClients clients = started(lagging.url() + "," + best.url()); // the lagging one is preferred by the file

        BigInteger head = clients.client("ethereum").ethBlockNumber().send().getBlockNumber();

        assertThat(head).isEqualTo(blockNumber(node));
        assertThat(lagging.requestsBesidesProbes()).isEmpty();
        EndpointHealth skipped = clients.endpoints("ethereum").get(0);
        assertThat(skipped.state()).isEqualTo("LAGGING");
        assertThat(skipped.lag()).isEqualTo(gap);
        assertThat(skipped.problem()).isEqualTo(gap + " blocks behind the best endpoint (max-lag-blocks 5)");
        assertThat(clients.endpoints("ethereum").get(1)).extracting(EndpointHealth::state, EndpointHealth::lag).containsExactly("UP", 0L);

        mine(behind, gap);
        clients.probeNow("ethereum");
        clients.client("ethereum").ethBlockNumber().send();

        assertThat(clients.endpoints("ethereum").get(0)).extracting(EndpointHealth::state, EndpointHealth::lag).containsExactly("UP", 0L);
        assertThat(lagging.requestsBesidesProbes()).hasSize(1);
    }

    @Test
    void anEndpointOnAnotherNetworkRefusesTheStartNamingTheChainTheEndpointAndTheKey() {
        RpcRelay fine = relay(node.port());
        String wrong = "http://127.0.0.1:" + otherNetwork.port();
        ChainClients clients = clients(fine.url() + "," + wrong, 100, Duration.ofSeconds(5));

        assertThatThrownBy(clients::afterSingletonsInstantiated)
                .isInstanceOf(EndpointOnWrongChain.class)
                .hasMessage("chains.ethereum.rpc-urls[1] (" + wrong + ") answers eth_chainId 5, but chains.ethereum.chain-id is 1:"
                        + " it is a node of another network");
    }

    @Test
    void anEndpointDownAtTheStartDoesNotStopItAndIsUsedOnceItAnswersTheRightChainId() throws Exception {
        RpcRelay late = relay(node.port());
        late.stop();
        RpcRelay up = relay(node.port());
        ChainClients clients = started(late.url() + "," + up.url());

        clients.client("ethereum").ethBlockNumber().send();
        assertThat(clients.endpoints("ethereum").get(0).state()).isEqualTo("UNVERIFIED");
        assertThat(up.requestsBesidesProbes()).hasSize(1);

        late.start();
        clients.probeNow("ethereum");
        clients.client("ethereum").ethBlockNumber().send();

        assertThat(clients.endpoints("ethereum")).extracting(EndpointHealth::state).containsExactly("UP", "UP");
        assertThat(late.requestsBesidesProbes()).hasSize(1);
    }

    @Test
    void anEndpointDownAtTheStartThatTurnsOutToBeOnAnotherNetworkIsNeverUsed() throws Exception {
        RpcRelay stranger = relay(otherNetwork.port());
        stranger.stop();
        RpcRelay up = relay(node.port());
        ChainClients clients = started(stranger.url() + "," + up.url());

        stranger.start();
        clients.probeNow("ethereum");
        up.stop();

        assertThatThrownBy(() -> clients.client("ethereum").ethBlockNumber().send()).isInstanceOf(IOException.class)
                .hasMessageStartingWith("no endpoint of ethereum answers");
        assertThat(clients.endpoints("ethereum").get(0)).extracting(EndpointHealth::state, EndpointHealth::problem)
                .containsExactly("WRONG_CHAIN", "answers eth_chainId 5, but chain-id is 1");
        assertThat(stranger.requestsBesidesProbes()).isEmpty();
    }

    @Test
    void theScheduledProbeBringsASkippedEndpointBack() throws Exception {
        RpcRelay flaky = relay(node.port());
        RpcRelay other = relay(node.port());
        ChainClients clients = new ChainClients(rules(flaky.url() + "," + other.url(), 100),
                new EndpointSettings(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        open.add(clients::destroy);
        clients.afterSingletonsInstantiated();

        flaky.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> clients.endpoints("ethereum").get(0).state().equals("DOWN"));
        flaky.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> clients.endpoints("ethereum").get(0).up());
    }

    @Test
    void neverStartsMoreRequestsInASecondThanTheChainsBudgetAndABatchIsOne() throws Exception {
        RpcRelay counted = relay(node.port());
        ChainClients clients = started(counted.url(), 5, Duration.ofSeconds(5));
        Web3j ethereum = clients.client("ethereum");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        open.add(callers::shutdownNow);

        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(callers.submit(() -> ethereum.ethBlockNumber().send()));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        BatchRequest batch = ethereum.newBatch();
        for (int i = 0; i < 10; i++) {
            batch.add(ethereum.ethBlockNumber());
        }
        assertThat(batch.send().getResponses()).hasSize(10);

        List<Long> arrivals = counted.arrivals().stream().map(RpcRelay.Arrival::nanos).sorted().toList();
        assertThat(arrivals).hasSize(18); // the start-up probe, 16 calls, one batch
        assertThat(counted.arrivals().get(17).methods()).hasSize(10);
        // the 6th request after any request arrived a second or more later: never 6 within one second at the node
        for (int i = 0; i + 5 < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i + 5) - arrivals.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void oneBudgetCoversAllTheChainsEndpointsWithProbesAndFailedAttempts() throws Exception {
        RpcRelay failing = relay(node.port());
        RpcRelay healthy = relay(node.port());
        ChainClients clients = started(failing.url() + "," + healthy.url(), 3, Duration.ofSeconds(5));
        failing.mode(RpcRelay.Mode.HTTP_500);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        open.add(callers::shutdownNow);

        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(callers.submit(() -> clients.client("ethereum").ethBlockNumber().send()));
        }
        for (Future<?> call : calls) {
            call.get();
        }

        List<Long> arrivals = new ArrayList<>();
        failing.arrivals().forEach(a -> arrivals.add(a.nanos()));
        healthy.arrivals().forEach(a -> arrivals.add(a.nanos()));
        arrivals.sort(null);
        assertThat(healthy.requestsBesidesProbes()).hasSize(6);
        assertThat(arrivals.size()).isEqualTo(2 + failing.requestsBesidesProbes().size() + 6); // two start-up probes
        for (int i = 0; i + 3 < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i + 3) - arrivals.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    private RpcRelay relay(int targetPort) {
        RpcRelay relay = RpcRelay.started(targetPort);
        open.add(relay);
        return relay;
    }

    private ChainClients started(String urls) {
        return started(urls, 100, Duration.ofSeconds(5));
    }

    private ChainClients started(String urls, int budget, Duration requestTimeout) {
        ChainClients clients = clients(urls, budget, requestTimeout);
        clients.afterSingletonsInstantiated();
        return clients;
    }

    /** Probes only when a test asks ({@link ChainClients#probeNow}), so each step sees exactly what it set up. */
    private ChainClients clients(String urls, int budget, Duration requestTimeout) {
        ChainClients clients = new ChainClients(rules(urls, budget), new EndpointSettings(Duration.ofHours(1), Duration.ofSeconds(2), requestTimeout));
        open.add(clients::destroy);
        return clients;
    }

    private static RecoveryRules rules(String urls, int budget) {
        MockEnvironment environment = new MockEnvironment().withProperty("URLS", urls).withProperty("BUDGET", Integer.toString(budget));
        try {
            Path file = Files.createTempFile(Files.createDirectories(DATA), "chains", ".yml");
            Files.writeString(file, """
                    chains:
                      ethereum:
                        chain-id: 1
                        rpc-urls: ${URLS}
                        max-lag-blocks: 5
                        max-requests-per-second: ${BUDGET}
                        price: static
                        native: { symbol: ETH, decimals: 18, usd-price: "3000" }
                        confirmations: 2
                        recovery: direct
                        max-deposit-age: P365D
                        tokens: []
                        denylist: []
                    fees:
                      WRONG_NETWORK:  { percent: "5",  min-usd: "20", max-usd: "500" }
                      UNLISTED_TOKEN: { percent: "10", min-usd: "50", max-usd: "1000" }
                    minimum-deposit-usd: { WRONG_NETWORK: "100", UNLISTED_TOKEN: "300" }
                    approval: { dual-above-usd: "10000" }
                    reply-wait-days: 14
                    refund-to: any
                    """);
            return new ChainsFileLoader(environment::resolveRequiredPlaceholders).load(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String signedTransfer(Web3j web3j, String to, BigInteger wei) throws IOException {
        BigInteger nonce = web3j.ethGetTransactionCount(SENDER.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
        BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
        RawTransaction tx = RawTransaction.createEtherTransaction(nonce, gasPrice, BigInteger.valueOf(21_000), to, wei);
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, 1, SENDER));
    }

    private static BigInteger blockNumber(AnvilNode anvil) throws IOException {
        return direct(anvil).ethBlockNumber().send().getBlockNumber();
    }

    private static void mine(AnvilNode anvil, long blocks) throws IOException {
        new Request<>("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))), new HttpService("http://127.0.0.1:" + anvil.port()),
                TestDeposits.Plain.class).send();
    }

    private static Web3j direct(AnvilNode anvil) {
        return Web3j.build(new HttpService("http://127.0.0.1:" + anvil.port()));
    }
}
