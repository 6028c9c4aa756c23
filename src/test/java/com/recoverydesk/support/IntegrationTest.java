package com.recoverydesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import com.recoverydesk.devnet.AnvilNode;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole application: the real engine, the real database (H2 by
 * default, PostgreSQL when .ci/run passes its URL) and real anvil chains on free ports. All such
 * tests share one application context, so keep the configuration here and nowhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint as in production; Boot's tests turn it off otherwise
@ActiveProfiles("test")
@Import(IntegrationTest.TestClock.class)
@Tag("database")
public abstract class IntegrationTest {

    /** Free ports for the test devnet, chosen once per JVM so every test shares one context and one set of chains. */
    protected static final int ETHEREUM_PORT = freePort();
    protected static final int BSC_PORT = freePort();
    /** A devnet chain of the tests only, whose chains.yml entry says refund-to: sender. */
    protected static final int ARBITRUM_PORT = freePort();
    /** A fresh chain state per test run, so the demo tokens land at the addresses chains.yml names. */
    private static final String DEVNET_DIR = "target/devnet-test-" + ProcessHandle.current().pid();

    /** A third real chain (polygon, chain id 137) that the application reaches only through a proxy tests can take down. */
    protected static final int POLYGON_ANVIL_PORT = freePort();
    protected static final SwitchableProxy POLYGON_NODE = new SwitchableProxy(freePort(), () -> POLYGON_ANVIL_PORT);

    /** A real SMTP server for the whole run; a test may stop and restart it to play a mail outage. */
    protected static final int SMTP_PORT = freePort();
    protected static final MailServer MAIL = new MailServer(SMTP_PORT);

    /** The exchange's notification service, a real HTTP server for the whole run; a test may stop and restart it. */
    protected static final WebhookReceiver WEBHOOKS = new WebhookReceiver(freePort());

    static {
        AnvilNode polygon = AnvilNode.start(Path.of("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"), "polygon",
                POLYGON_ANVIL_PORT, 137, 0, Path.of(DEVNET_DIR), "POLYGON_RPC_URL");
        Runtime.getRuntime().addShutdownHook(new Thread(polygon::close));
        POLYGON_NODE.up();
        MAIL.start();
        WEBHOOKS.start();
    }

    /** Talks to the polygon chain directly, past the proxy, to make deposits and read balances even while it is "down". */
    protected static org.web3j.protocol.Web3j polygonDirect() {
        return org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService("http://127.0.0.1:" + POLYGON_ANVIL_PORT));
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void chains(DynamicPropertyRegistry registry) {
        registry.add("ETHEREUM_RPC_URL", () -> "http://127.0.0.1:" + ETHEREUM_PORT);
        registry.add("BSC_RPC_URL", () -> "http://127.0.0.1:" + BSC_PORT);
        registry.add("ARBITRUM_RPC_URL", () -> "http://127.0.0.1:" + ARBITRUM_PORT);
        registry.add("POLYGON_RPC_URL", () -> "http://127.0.0.1:" + POLYGON_NODE.port());
        registry.add("recovery.devnet.data-dir", () -> DEVNET_DIR);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("recovery.webhooks.endpoints[0].url", WEBHOOKS::url);
        registry.add("recovery.webhooks.endpoints[0].secret", () -> WebhookReceiver.SECRET);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
