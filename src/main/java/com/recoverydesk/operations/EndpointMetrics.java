package com.recoverydesk.operations;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.chain.EndpointHealth;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Each chain endpoint in Prometheus, tagged {@code chain}, {@code index} (its place in {@code rpc-urls}) and
 * {@code endpoint} (its URL without path or query, where API keys live): {@code recovery_rpc_endpoint_up} (1 when
 * requests may go there: it answers the chain's id and does not lag), {@code recovery_rpc_endpoint_head},
 * {@code recovery_rpc_endpoint_lag_blocks}, {@code recovery_rpc_endpoint_requests_total} and
 * {@code recovery_rpc_endpoint_errors_total}.
 */
@Component
class EndpointMetrics {

    EndpointMetrics(MeterRegistry registry, RecoveryRules rules, ChainClients chains) {
        for (ChainConfig chain : rules.chains().values()) {
            if (chain.rpcUrls().isEmpty()) {
                continue;
            }
            for (EndpointHealth endpoint : chains.endpoints(chain.name())) {
                Tags tags = Tags.of("chain", chain.name(), "index", Integer.toString(endpoint.index()), "endpoint", endpoint.endpoint());
                gauge(registry, "recovery.rpc.endpoint.up", "1 when requests may go to the endpoint", tags, chains, chain.name(),
                        endpoint.index(), e -> e.up() ? 1 : 0);
                gauge(registry, "recovery.rpc.endpoint.head", "The endpoint's newest block at its last probe", tags, chains,
                        chain.name(), endpoint.index(), EndpointHealth::head);
                gauge(registry, "recovery.rpc.endpoint.lag.blocks", "Blocks the endpoint trails the chain's best endpoint, -1 unknown",
                        tags, chains, chain.name(), endpoint.index(), EndpointHealth::lag);
                FunctionCounter.builder("recovery.rpc.endpoint.requests", chains, c -> of(c, chain.name(), endpoint.index()).requests())
                        .tags(tags).description("HTTP requests to the endpoint, probes included").register(registry);
                FunctionCounter.builder("recovery.rpc.endpoint.errors", chains, c -> of(c, chain.name(), endpoint.index()).errors())
                        .tags(tags).description("Failed requests and probes of the endpoint").register(registry);
            }
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags, ChainClients chains, String chain,
            int index, ToDoubleFunction<EndpointHealth> value) {
        Gauge.builder(name, chains, c -> value.applyAsDouble(of(c, chain, index))).tags(tags).description(description).register(registry);
    }

    private static EndpointHealth of(ChainClients chains, String chain, int index) {
        return chains.endpoints(chain).get(index);
    }
}
