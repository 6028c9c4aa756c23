package com.recoverydesk.operations;

import com.recoverydesk.chain.ChainClients;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.wallet.GasStation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * One health indicator per recoverable chain ({@code /actuator/health/chains/<name>}): the node answers (at one
 * endpoint at least), its head block is recent, and the gas station holds more than chains.yml's
 * {@code gas-station-floor}; its details list every endpoint (state, head, lag, requests, errors). A chain that is
 * DOWN delays its cases; it does not stop the others. An endpoint that is down or lagging while another serves
 * leaves the chain UP: its cases go on.
 */
@Configuration(proxyBeanMethods = false)
class ChainHealthIndicators {

    /** A head older than this means the node stopped following its chain. */
    static final Duration STALE_HEAD = Duration.ofMinutes(5);

    @Bean
    HealthContributor chains(RecoveryRules rules, ChainClients clients, GasStation gasStation, Clock clock) {
        var indicators = new java.util.LinkedHashMap<String, HealthIndicator>();
        rules.chains().values().stream().filter(c -> c.recovery() != RecoveryMode.UNSUPPORTED)
                .forEach(chain -> indicators.put(chain.name(), () -> check(chain, clients, gasStation, clock)));
        return CompositeHealthContributor.fromMap(indicators);
    }

    private static Health check(ChainConfig chain, ChainClients clients, GasStation gasStation, Clock clock) {
        try {
            var web3j = clients.client(chain.name());
            EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            BigInteger balance = web3j.ethGetBalance(gasStation.address(), DefaultBlockParameterName.LATEST).send().getBalance();
            Duration age = Duration.between(Instant.ofEpochSecond(head.getTimestamp().longValueExact()), clock.instant());
            BigDecimal coins = new BigDecimal(balance).movePointLeft(chain.nativeCoin().decimals());
            Health.Builder health = Health.up()
                    .withDetail("headBlock", head.getNumber())
                    .withDetail("headAgeSeconds", Math.max(0, age.toSeconds()))
                    .withDetail("gasStation", gasStation.address())
                    .withDetail("gasStationBalance", coins.toPlainString() + " " + chain.nativeCoin().symbol())
                    .withDetail("endpoints", clients.endpoints(chain.name()));
            if (coins.compareTo(chain.gasStationFloor()) < 0) {
                health.down().withDetail("problem", "the gas station holds less than the floor of " + chain.gasStationFloor().toPlainString()
                        + " " + chain.nativeCoin().symbol() + ": refunds of tokens cannot pay gas");
            } else if (age.compareTo(STALE_HEAD) > 0) {
                health.down().withDetail("problem", "the node's newest block is " + age.toMinutes() + " minutes old");
            }
            return health.build();
        } catch (Exception unreachable) {
            return Health.down().withDetail("problem", "the node does not answer at any endpoint: " + unreachable.getMessage())
                    .withDetail("endpoints", clients.endpoints(chain.name())).build();
        }
    }
}
