package com.recoverydesk.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.recoverydesk.RecoveryDeskApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Bad wallet settings stop the whole application at start-up, with one message that names every bad setting and
 * its environment variable and never prints a secret.
 */
class WalletSettingsStartupTest {

    private static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @Test
    void productionWithoutItsSecretsNamesEveryMissingSetting() {
        Throwable failure = start(List.of("--spring.profiles.active=prod"));

        FailureAnalysis analysis = analysis(failure);
        assertThat(analysis.getDescription())
                .contains("recovery.wallet.deposit-mnemonic (RECOVERY_WALLET_DEPOSIT_MNEMONIC) is not set")
                .contains("recovery.wallet.gas-station-private-key (RECOVERY_WALLET_GAS_STATION_PRIVATE_KEY) is not set")
                .contains("recovery.wallet.fee-treasury-address (RECOVERY_WALLET_FEE_TREASURY_ADDRESS) is not set");
        assertThat(analysis.getAction()).contains("recovery.wallet.deposit-mnemonic", "recovery.wallet.gas-station-private-key",
                "recovery.wallet.fee-treasury-address");
    }

    @Test
    void aMnemonicWithAWrongChecksumIsNamedButNeverPrinted() {
        String wrongLastWord = ABANDON.replace("about", "abandon"); // twelve times "abandon": the checksum wants "about"

        Throwable failure = start(List.of("--recovery.wallet.deposit-mnemonic=" + wrongLastWord));

        assertThat(analysis(failure).getDescription())
                .isEqualTo("The wallet is not configured: recovery.wallet.deposit-mnemonic (RECOVERY_WALLET_DEPOSIT_MNEMONIC) "
                        + "is not a valid BIP-39 mnemonic (wrong words, word count or checksum)");
        assertThat(fullText(failure)).doesNotContain("abandon");
    }

    @Test
    void aGasStationKeyOutOfTheCurvesRangeIsNamedButNeverPrinted() {
        String zeroKey = "0x" + "0".repeat(64);

        Throwable failure = start(List.of("--recovery.wallet.gas-station-private-key=" + zeroKey));

        assertThat(analysis(failure).getDescription()).contains("recovery.wallet.gas-station-private-key").contains("out of range");
        assertThat(fullText(failure)).doesNotContain("0".repeat(64));
    }

    @Test
    void aMissingFeeTreasuryAddressIsNamedWithItsVariable() {
        Throwable failure = start(List.of("--recovery.wallet.fee-treasury-address="));

        assertThat(analysis(failure).getDescription())
                .isEqualTo("The wallet is not configured: recovery.wallet.fee-treasury-address (RECOVERY_WALLET_FEE_TREASURY_ADDRESS) is not set");
    }

    private static Throwable start(List<String> settings) {
        // its own engine name and no webapps: a failed start in this JVM would otherwise unregister the shared engine
        // (engines are registered by name) and leave the webapps' static application context pointing at itself
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=startupcheck", "--camunda.bpm.webapp.enabled=false", "--recovery.devnet.enabled=false", "--recovery.demo.enabled=false",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:wallet-settings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password="));
        args.addAll(settings);
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(RecoveryDeskApplication.class).run(args.toArray(String[]::new)).close());
        assertThat(failure).as("the application must not start").isNotNull();
        return failure;
    }

    /** What Spring Boot prints instead of a stack trace (the analyzer is registered in spring.factories). */
    private static FailureAnalysis analysis(Throwable failure) {
        FailureAnalysis analysis = new InvalidWalletSettingFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a wallet-setting failure, not " + failure).isNotNull();
        return analysis;
    }

    /** Every message in the chain of causes: what could end up in a log. */
    private static String fullText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
