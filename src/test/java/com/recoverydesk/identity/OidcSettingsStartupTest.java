package com.recoverydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.recoverydesk.RecoveryDeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Production without its identity provider's settings does not start, and says which settings are missing. */
class OidcSettingsStartupTest {

    @Test
    void productionWithoutTheIdentityProvidersSettingsNamesEachOne() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(RecoveryDeskApplication.class).run(
                "--spring.profiles.active=prod", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                // its own engine name and no webapps: a failed start in this JVM would otherwise unregister the shared engine
                // (engines are registered by name) and leave the webapps' static application context pointing at itself
                "--camunda.bpm.process-engine-name=startupcheck", "--camunda.bpm.webapp.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:oidc-settings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--recovery.wallet.deposit-mnemonic=legal winner thank year wave sausage worth useful legal winner thank yellow",
                "--recovery.wallet.gas-station-private-key=0x" + "1".repeat(64),
                "--recovery.wallet.fee-treasury-address=0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
                "--recovery.oidc.client-id=recovery-desk").close());

        FailureAnalysis analysis = new MissingOidcSettings.Analyzer().analyze(failure);
        assertThat(analysis).as("a missing-settings failure, not " + failure).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("Sign-in through the identity provider is not configured: recovery.oidc.enabled is true, "
                + "but these settings are missing: recovery.oidc.issuer-uri (RECOVERY_OIDC_ISSUER_URI), recovery.oidc.audience (RECOVERY_OIDC_AUDIENCE), "
                + "recovery.oidc.client-secret (RECOVERY_OIDC_CLIENT_SECRET)");
    }
}
