package com.recoverydesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.recoverydesk.rules.InvalidChainsFile;
import com.recoverydesk.wallet.InvalidWalletSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import com.recoverydesk.rules.InvalidChainsFileFailureAnalyzer;
import com.recoverydesk.wallet.InvalidWalletSettingFailureAnalyzer;

/** A wrong setting stops the application at start-up with a message that names it. */
class StartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void aBadChainsFileStopsTheStartNamingTheFileAndTheKey() throws Exception {
        Path bad = dir.resolve("chains.yml");
        Files.writeString(bad, Files.readString(Path.of("chains.yml")).replace("recovery: conditional", "recovery: sometimes"));

        Throwable failure = start("recovery.chains-file=" + bad);

        assertThat(rootOf(failure, InvalidChainsFile.class)).hasMessageContaining(bad.toString())
                .hasMessageContaining("chains.polygon.recovery: unknown value 'sometimes'");
        assertThat(analysis(failure).getDescription()).startsWith("chains.yml is invalid: ");
        assertThat(analysis(failure).getAction()).contains("chains.polygon.recovery").contains("RECOVERY_CHAINS_FILE");
    }

    @Test
    void aMissingDepositMnemonicStopsTheStartNamingTheSettingAndItsVariable() {
        Throwable failure = start("recovery.wallet.deposit-mnemonic=");

        assertThat(rootOf(failure, InvalidWalletSetting.class))
                .hasMessage("recovery.wallet.deposit-mnemonic (RECOVERY_WALLET_DEPOSIT_MNEMONIC) is not set");
        assertThat(analysis(failure).getAction()).contains("recovery.wallet.deposit-mnemonic");
    }

    @Test
    void aWrongGasStationKeyStopsTheStartWithoutPrintingTheKey() {
        Throwable failure = start("recovery.wallet.gas-station-private-key=0xsecretsecret");

        assertThat(analysis(failure).getDescription()).contains("recovery.wallet.gas-station-private-key").doesNotContain("secretsecret");
    }

    @Test
    void anUnknownStraightThroughModeStopsTheStartNamingTheSetting() {
        Throwable failure = start("recovery.straight-through.mode=sometimes");

        assertThat(rootOf(failure, org.springframework.boot.context.properties.bind.BindException.class))
                .hasMessageContaining("recovery.straight-through.mode");
    }

    private Throwable start(String setting) {
        // command-line arguments, as an operator would pass them, outrank application.yml
        // its own engine name and no webapps: a failed start in this JVM would otherwise unregister the shared engine
        // (engines are registered by name) and leave the webapps' static application context pointing at itself
        return catchThrowable(() -> new SpringApplicationBuilder(RecoveryDeskApplication.class)
                .run("--server.port=0", "--camunda.bpm.process-engine-name=startupcheck", "--camunda.bpm.webapp.enabled=false", "--recovery.devnet.enabled=false", "--recovery.demo.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "--" + setting)
                .close());
    }

    private static <T extends Throwable> T rootOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    /** What Spring Boot prints instead of a stack trace, from the analyzers registered in spring.factories. */
    private static FailureAnalysis analysis(Throwable failure) {
        return java.util.stream.Stream.<FailureAnalyzer>of(new InvalidChainsFileFailureAnalyzer(), new InvalidWalletSettingFailureAnalyzer())
                .map(analyzer -> analyzer.analyze(failure))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError("no analysis for " + failure));
    }
}
