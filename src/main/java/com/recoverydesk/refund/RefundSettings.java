package com.recoverydesk.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How patiently a refund waits for the chain: its own pace, apart from verification's, because a refund's
 * transactions are ours and an operator may want them retried differently from reading a user's deposit. A
 * bean named {@code refundSettings} because bpmn/refund-execution.bpmn reads {@code retryCycle} from it.
 */
@Component("refundSettings")
@ConfigurationProperties("recovery.refund")
public class RefundSettings {

    /** How long to wait before reading the receipts again while the refund's transactions lack confirmations. */
    private Duration recheckInterval = Duration.ofSeconds(15);
    /** Camunda retry cycle of a refund step whose node does not answer; an incident follows when it runs out. */
    private String retryCycle = "R5/PT1M";

    public Duration getRecheckInterval() {
        return recheckInterval;
    }

    public void setRecheckInterval(Duration recheckInterval) {
        this.recheckInterval = recheckInterval;
    }

    public String getRetryCycle() {
        return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
        this.retryCycle = retryCycle;
    }
}
