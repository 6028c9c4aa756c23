package com.recoverydesk.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.recoverydesk.RecoveryDeskApplication;
import com.recoverydesk.devnet.AnvilNode;
import com.recoverydesk.support.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The whole application refuses to start when a chain's endpoint answers another chain id, and says which chain,
 * which endpoint and which key. Started in this JVM as {@code StartupFailureTest} does.
 */
class EndpointStartupTest {

    @Test
    void anEndpointOfAnotherNetworkStopsTheStartNamingTheChainTheEndpointAndTheSetting() {
        // a node of chain id 5 where chains.yml's polygon (137) is expected
        try (AnvilNode stranger = AnvilNode.start(Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"), "endpoints-stranger",
                IntegrationTest.freePort(), 5, 0, Path.of("target/endpoints-startup-" + ProcessHandle.current().pid()), "test port")) {
            String url = "http://127.0.0.1:" + stranger.port();

            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(RecoveryDeskApplication.class)
                    .run("--server.port=0", "--camunda.bpm.process-engine-name=endpointcheck", "--camunda.bpm.webapp.enabled=false",
                            "--recovery.devnet.enabled=false", "--recovery.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                            "--spring.datasource.url=jdbc:h2:mem:endpoints-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                            "--POLYGON_RPC_URL=" + url)
                    .close());

            EndpointOnWrongChain refusal = rootOf(failure);
            assertThat(refusal).hasMessage("chains.polygon.rpc-urls[0] (" + url + ") answers eth_chainId 5, but chains.polygon.chain-id is 137:"
                    + " it is a node of another network");
            FailureAnalysis analysis = new EndpointOnWrongChainFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo("A chain endpoint is on the wrong network: " + refusal.getMessage());
            assertThat(analysis.getAction()).startsWith("Point chains.polygon.rpc-urls[0] (or the single rpc-url, or the environment"
                    + " variable chains.yml reads it from) at a node of that chain, or remove it");
        }
    }

    private static EndpointOnWrongChain rootOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EndpointOnWrongChain refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no EndpointOnWrongChain in " + failure, failure);
    }
}
