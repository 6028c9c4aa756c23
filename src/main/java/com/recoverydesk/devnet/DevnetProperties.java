package com.recoverydesk.devnet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local chains of the default run.
 *
 * @param chains           names of chains.yml chains to run on anvil; their rpc-url must be a loopback URL
 * @param blockTimeSeconds seconds between blocks; 0 mines a block per transaction only (tests mine explicitly)
 * @param anvilPath        the anvil binary the build installed from npm
 * @param prices           the first USD answer of each price feed the devnet deploys, by asset symbol
 */
@ConfigurationProperties("recovery.devnet")
public record DevnetProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data/devnet") Path dataDir,
        @DefaultValue("1") int blockTimeSeconds,
        @DefaultValue({"ethereum", "bsc"}) List<String> chains,
        @DefaultValue("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil") Path anvilPath,
        Map<String, BigDecimal> prices) {

    public DevnetProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }
}
