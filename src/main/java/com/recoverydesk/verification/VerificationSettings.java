package com.recoverydesk.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How patiently a case waits for the chain. A bean named {@code verificationSettings} because the BPMN
 * reads {@code retryCycle} from it for its failed-job retry cycle.
 */
@Component("verificationSettings")
@ConfigurationProperties("recovery.verification")
public class VerificationSettings {

    /** How long to wait before reading the chain again when the TXID is unknown or lacks confirmations. */
    private Duration recheckInterval = Duration.ofSeconds(15);
    /** How many times the chain is read before the case is rejected as not found / not confirmed. */
    private int maxChecks = 40;
    /** Camunda retry cycle of a step whose node does not answer; an incident follows when it runs out. */
    private String retryCycle = "R5/PT1M";

    public Duration getRecheckInterval() {
        return recheckInterval;
    }

    public void setRecheckInterval(Duration recheckInterval) {
        this.recheckInterval = recheckInterval;
    }

    public int getMaxChecks() {
        return maxChecks;
    }

    public void setMaxChecks(int maxChecks) {
        this.maxChecks = maxChecks;
    }

    public String getRetryCycle() {
        return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
        this.retryCycle = retryCycle;
    }
}
