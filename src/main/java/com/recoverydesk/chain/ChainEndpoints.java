package com.recoverydesk.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.recoverydesk.rules.ChainConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Service;

/**
 * One chain's endpoints behind one web3j transport: each request goes to a healthy endpoint (the first of
 * {@code rpc-urls} that is up, has proved its chain id and is not lagging), and fails over to the next when it fails
 * where that is safe. Every HTTP request, probes included, spends the chain's {@link RequestBudget}.
 */
final class ChainEndpoints extends Service {

    private static final Logger log = LoggerFactory.getLogger(ChainEndpoints.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String PROBE = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}]";

    private final ChainConfig chain;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final RequestBudget budget;
    private final OkHttpClient requests;
    private final OkHttpClient probes;
    private final EndpointSettings settings;
    /** HTTP requests made for callers (a batch is one; a request that failed over counts once per endpoint tried). */
    final AtomicLong roundTrips = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    ChainEndpoints(ChainConfig chain, OkHttpClient requests, OkHttpClient probes, EndpointSettings settings) {
        super(false);
        this.chain = chain;
        this.settings = settings;
        this.requests = requests;
        this.probes = probes;
        this.budget = new RequestBudget(chain.maxRequestsPerSecond());
        for (int i = 0; i < chain.rpcUrls().size(); i++) {
            endpoints.add(new Endpoint(i, chain.rpcUrls().get(i)));
        }
    }

    String chain() {
        return chain.name();
    }

    List<EndpointHealth> health() {
        return endpoints.stream().map(e -> e.health(chain.maxLagBlocks())).toList();
    }

    /**
     * Sends the payload to the best endpoint; when that fails, to the next. Reads are safe anywhere. So is
     * {@code eth_sendRawTransaction}: the same signed bytes are the same transaction (same hash, same nonce) on every
     * node, and a node that already has it answers "already known", which the refund treats as sent; a refund is
     * still paid once. Anything else that changes a node's state (an unlocked account's {@code eth_sendTransaction},
     * anvil's own methods) fails over only when the first endpoint never received it (connection refused).
     */
    @Override
    protected InputStream performIO(String payload) throws IOException {
        boolean safeAnywhere = safeToRepeat(payload);
        IOException last = null;
        for (Endpoint endpoint : candidates()) {
            if (endpoint.state() == Endpoint.State.UNVERIFIED && !probe(endpoint)) {
                continue; // not used until it answers the chain's id
            }
            roundTrips.incrementAndGet();
            endpoint.requests.incrementAndGet();
            try {
                byte[] answer = post(requests, endpoint, payload);
                if (endpoint.state() == Endpoint.State.DOWN) {
                    endpoint.answered(endpoint.head()); // it answers again; the next probe reads its head
                }
                return new ByteArrayInputStream(answer);
            } catch (IOException failed) {
                failures.incrementAndGet();
                endpoint.failed(describe(failed, settings.requestTimeout()));
                if (last != null) {
                    failed.addSuppressed(last);
                }
                last = failed;
                if (!safeAnywhere && !neverDelivered(failed)) {
                    throw failed;
                }
                log.info("{} endpoint {} failed ({}); trying the next", chain.name(), endpoint.label, failed.getMessage());
            }
        }
        if (last != null) {
            throw new IOException("no endpoint of " + chain.name() + " answers (last: " + last.getMessage() + ")", last);
        }
        throw new IOException("no endpoint of " + chain.name() + " can be used: " + health());
    }

    /**
     * The order to try: up and not lagging (in the file's order), then lagging, then down, then not yet verified;
     * never one on another chain. Down and unverified ones are a last resort, so that a chain whose every endpoint
     * failed once is tried again at the next request rather than only at the next probe.
     */
    private List<Endpoint> candidates() {
        long maxLag = chain.maxLagBlocks();
        return endpoints.stream()
                .filter(e -> e.state() != Endpoint.State.WRONG_CHAIN)
                .sorted(Comparator.comparingInt((Endpoint e) -> switch (e.state()) {
                    case UP -> e.lagging(maxLag) ? 1 : 0;
                    case DOWN -> 2;
                    default -> 3;
                }).thenComparingInt(e -> e.index))
                .toList();
    }

    /** Asks every endpoint for its chain id and head, then works out how far each trails the best. */
    void probeAll() {
        endpoints.forEach(this::probe);
        long best = endpoints.stream().filter(e -> e.state() == Endpoint.State.UP).mapToLong(Endpoint::head).max().orElse(-1);
        for (Endpoint e : endpoints) {
            if (e.state() == Endpoint.State.UP) {
                boolean wasLagging = e.lagging(chain.maxLagBlocks());
                e.lag(best - e.head());
                if (e.lagging(chain.maxLagBlocks()) != wasLagging) {
                    log.warn("{} endpoint {} {} ({} blocks behind the best, max-lag-blocks {})", chain.name(), e.label,
                            wasLagging ? "caught up" : "is lagging and skipped", best - e.head(), chain.maxLagBlocks());
                }
            }
        }
    }

    /** eth_chainId and eth_blockNumber in one batch; true when the endpoint answered this chain's id. */
    boolean probe(Endpoint endpoint) {
        Endpoint.State before = endpoint.state();
        try {
            endpoint.requests.incrementAndGet();
            JsonNode answers = objectMapper.readTree(post(probes, endpoint, PROBE));
            long chainId = -1;
            long head = -1;
            for (JsonNode answer : answers) {
                String result = answer.path("result").asText("");
                if (!result.startsWith("0x")) {
                    throw new IOException("no result for probe " + answer.path("id").asInt() + ": " + answer.path("error"));
                }
                long value = Long.parseLong(result.substring(2), 16);
                if (answer.path("id").asInt() == 1) {
                    chainId = value;
                } else {
                    head = value;
                }
            }
            if (chainId < 0 || head < 0) {
                throw new IOException("not a JSON-RPC answer to eth_chainId and eth_blockNumber");
            }
            if (chainId != chain.chainId()) {
                endpoint.errors.incrementAndGet();
                endpoint.wrongChain(chainId, "answers eth_chainId " + chainId + ", but chain-id is " + chain.chainId());
                if (before != Endpoint.State.WRONG_CHAIN) {
                    log.error("{} endpoint {} answers chain id {}, not {}: it is never used", chain.name(), endpoint.label, chainId,
                            chain.chainId());
                }
                return false;
            }
            endpoint.answered(head);
            if (before != Endpoint.State.UP) {
                log.info("{} endpoint {} answers (chain id {}, head {})", chain.name(), endpoint.label, chainId, head);
            }
            return true;
        } catch (IOException | RuntimeException failed) {
            if (endpoint.state() != Endpoint.State.WRONG_CHAIN) {
                endpoint.failed("does not answer: " + (failed instanceof IOException io ? describe(io, settings.probeTimeout())
                        : failed.toString()));
            }
            if (before == Endpoint.State.UP) {
                log.warn("{} endpoint {} does not answer and is skipped: {}", chain.name(), endpoint.label, failed.getMessage());
            }
            return false;
        }
    }

    /** What went wrong, the same words whichever way the HTTP client reports a timeout. */
    private static String describe(IOException failure, Duration timeout) {
        if (failure instanceof InterruptedIOException) {
            return "no answer within " + timeout;
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** Endpoints on another chain, as the last probe found them. */
    List<Endpoint> onWrongChain() {
        return endpoints.stream().filter(e -> e.state() == Endpoint.State.WRONG_CHAIN).toList();
    }

    long chainId() {
        return chain.chainId();
    }

    /** One HTTP request within the chain's budget, its answer read whole (a cut-off answer fails here, not in web3j). */
    private byte[] post(OkHttpClient client, Endpoint endpoint, String payload) throws IOException {
        Request request = new Request.Builder().url(endpoint.url.toString()).post(RequestBody.create(payload, JSON)).build();
        budget.acquire();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from " + endpoint.label);
            }
            return response.body() == null ? new byte[0] : response.body().bytes();
        } finally {
            budget.release();
        }
    }

    /** Reads, and the broadcast of signed bytes, whatever node receives them. */
    private boolean safeToRepeat(String payload) {
        try {
            JsonNode request = objectMapper.readTree(payload);
            if (request.isArray()) {
                for (JsonNode each : request) {
                    if (!safeMethod(each.path("method").asText())) {
                        return false;
                    }
                }
                return true;
            }
            return safeMethod(request.path("method").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    private static boolean safeMethod(String method) {
        return (method.startsWith("eth_") || method.startsWith("net_") || method.startsWith("web3_"))
                && !method.equals("eth_sendTransaction") && !method.startsWith("eth_sign");
    }

    /** The connection was never made, so the node cannot have acted on the request. */
    private static boolean neverDelivered(IOException failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
    }

    @Override
    public void close() {
        // the HTTP clients are ChainClients', shared by every chain
    }
}
