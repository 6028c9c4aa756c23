package com.recoverydesk.chain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the chains' endpoints are watched ({@code recovery.endpoints.*}); what each chain has is in chains.yml
 * ({@code rpc-urls}, {@code max-lag-blocks}, {@code max-requests-per-second}).
 *
 * @param probeInterval  how often each endpoint is asked for its chain id and head ({@code eth_chainId} and
 *                       {@code eth_blockNumber} in one batch); a skipped endpoint comes back at the first probe it answers
 * @param probeTimeout   how long a probe waits for its answer
 * @param requestTimeout how long a request waits for an endpoint's answer before it fails over to the next
 */
@ConfigurationProperties("recovery.endpoints")
public record EndpointSettings(
        @DefaultValue("PT5S") Duration probeInterval,
        @DefaultValue("PT3S") Duration probeTimeout,
        @DefaultValue("PT20S") Duration requestTimeout) {

    public EndpointSettings {
        positive(probeInterval, "recovery.endpoints.probe-interval (RECOVERY_ENDPOINTS_PROBE_INTERVAL)");
        positive(probeTimeout, "recovery.endpoints.probe-timeout (RECOVERY_ENDPOINTS_PROBE_TIMEOUT)");
        positive(requestTimeout, "recovery.endpoints.request-timeout (RECOVERY_ENDPOINTS_REQUEST_TIMEOUT)");
    }

    private static void positive(Duration value, String setting) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration (was " + value + ")");
        }
    }
}
