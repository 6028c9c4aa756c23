package com.recoverydesk.chain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointSettingsTest {

    @Test
    void aProbeIntervalOrTimeoutThatIsNotPositiveIsRefusedNamingTheSettingAndItsVariable() {
        assertThatThrownBy(() -> new EndpointSettings(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recovery.endpoints.probe-interval (RECOVERY_ENDPOINTS_PROBE_INTERVAL) must be a positive duration (was PT0S)");
        assertThatThrownBy(() -> new EndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recovery.endpoints.request-timeout (RECOVERY_ENDPOINTS_REQUEST_TIMEOUT) must be a positive duration (was PT-1S)");
    }
}
