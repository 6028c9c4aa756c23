package com.recoverydesk.chain;

import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;

/**
 * The one place that builds a {@link Web3j} client per chain, over all the chain's endpoints ({@code rpc-urls}):
 * each request goes to a healthy one and fails over to the next ({@link ChainEndpoints}), within the chain's request
 * budget. Every endpoint is probed every {@code recovery.endpoints.probe-interval} for its chain id and head.
 * <p>
 * At start-up every endpoint is asked its chain id: one that answers another chain's refuses the start
 * ({@link EndpointOnWrongChain}); one that does not answer does not stop the application (its cases wait and retry)
 * and is used once it has answered the right id. Every HTTP round trip made for a caller is counted per chain (a
 * batch is one round trip); probes are not, so the counts say what the cases cost.
 */
@Component
public class ChainClients implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChainClients.class);

    private final RecoveryRules rules;
    private final EndpointSettings settings;
    private final OkHttpClient requests;
    private final OkHttpClient probes;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService prober;

    /** With the default probe interval and timeouts: for a standalone client outside the application. */
    public ChainClients(RecoveryRules rules) {
        this(rules, new EndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(20)));
    }

    @Autowired
    ChainClients(RecoveryRules rules, EndpointSettings settings) {
        this.rules = rules;
        this.settings = settings;
        this.requests = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(settings.requestTimeout())
                .callTimeout(settings.requestTimeout().plusSeconds(5))
                .build();
        this.probes = requests.newBuilder().callTimeout(settings.probeTimeout()).build();
    }

    /** The client of a chain that has an rpc-url; unknown chains are a programming error. */
    public Web3j client(String chain) {
        return of(chain).web3j();
    }

    /** The transport under {@link #client}, for requests web3j has no typed method for. */
    public Web3jService service(String chain) {
        return of(chain).endpoints();
    }

    /** JSON-RPC round trips made to this chain's endpoints for callers since start-up (not the probes). */
    public long roundTrips(String chain) {
        return of(chain).endpoints().roundTrips.get();
    }

    /** Round trips to this chain's endpoints that failed (no answer, or an HTTP error), failed over or not. */
    public long failedRoundTrips(String chain) {
        return of(chain).endpoints().failures.get();
    }

    /** Each endpoint of the chain as the last probe and request found it, in chains.yml's order. */
    public List<EndpointHealth> endpoints(String chain) {
        return of(chain).endpoints().health();
    }

    /**
     * Probes every endpoint of every chain once, refuses the start if one is on another chain, then keeps probing.
     * Runs once every bean exists, so the devnet's nodes (started by a bean) are up by then.
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<ChainEndpoints> all = recoverableChains().stream().map(c -> of(c.name()).endpoints()).toList();
        all.parallelStream().forEach(ChainEndpoints::probeAll);
        for (ChainEndpoints chain : all) {
            for (EndpointHealth endpoint : chain.health()) {
                if (endpoint.state().equals("UNVERIFIED") || endpoint.state().equals("DOWN")) {
                    log.warn("{} endpoint {} ({}) {}: not used until it answers chain id {}", chain.chain(), endpoint.index(),
                            endpoint.endpoint(), endpoint.problem(), chain.chainId());
                }
            }
            chain.onWrongChain().stream().findFirst().ifPresent(wrong -> {
                throw new EndpointOnWrongChain(chain.chain(), wrong.index, wrong.label, chain.chainId(), wrong.answeredChainId());
            });
        }
        prober = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "chain-endpoint-probes");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.probeInterval().toMillis();
        for (ChainEndpoints chain : all) {
            prober.scheduleWithFixedDelay(() -> probeQuietly(chain), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Probes the chain's endpoints now, as the schedule does; for tests that cannot wait for the next probe. */
    void probeNow(String chain) {
        of(chain).endpoints().probeAll();
    }

    private static void probeQuietly(ChainEndpoints chain) {
        try {
            chain.probeAll();
        } catch (RuntimeException unexpected) {
            // a probe that throws would cancel the schedule and leave the endpoints' health frozen
            log.error("probing the endpoints of {} failed", chain.chain(), unexpected);
        }
    }

    private List<ChainConfig> recoverableChains() {
        return rules.chains().values().stream().filter(c -> !c.rpcUrls().isEmpty()).toList();
    }

    private Client of(String chain) {
        return clients.computeIfAbsent(chain, name -> {
            ChainConfig config = rules.chain(name)
                    .orElseThrow(() -> new IllegalArgumentException("no chain named '" + name + "' in chains.yml"));
            if (config.rpcUrls().isEmpty()) {
                throw new IllegalStateException("chain '" + name + "' has no rpc-url: it is not recoverable");
            }
            ChainEndpoints endpoints = new ChainEndpoints(config, requests, probes, settings);
            return new Client(Web3j.build(endpoints), endpoints);
        });
    }

    @Override
    public void destroy() {
        if (prober != null) {
            prober.shutdownNow();
        }
        clients.values().forEach(c -> c.web3j().shutdown());
    }

    private record Client(Web3j web3j, ChainEndpoints endpoints) {
    }
}
