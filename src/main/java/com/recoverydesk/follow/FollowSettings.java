package com.recoverydesk.follow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** How the chains' heads are followed ({@code recovery.follow.*}). */
@Component
@ConfigurationProperties("recovery.follow")
public class FollowSettings {

    /** Whether this node takes part in following the chains; a node that does not still serves cases. */
    private boolean enabled = true;
    /** How often the head is read on a chain whose chains.yml entry names no {@code block-time}. */
    private Duration pollInterval = Duration.ofSeconds(1);
    /**
     * How long a node's hold on a chain lasts without being renewed (it is renewed at every poll): another node
     * takes the chain over this long after the holder died.
     */
    private Duration leaseDuration = Duration.ofSeconds(5);
    /** How long a refund waits for its transactions' confirmations before an incident asks an operator to look. */
    private Duration refundMaxWait = Duration.ofHours(1);
    /**
     * {@code heads}: wake a case when a new head reaches its confirmations. {@code every-interval}: wake every waiting
     * case every {@code recovery.verification.recheck-interval}, as the per-case timers did before; kept only to measure
     * the difference (scripts/benchmark-follow.sh).
     */
    private Wake wake = Wake.HEADS;

    public enum Wake {
        HEADS,
        EVERY_INTERVAL
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public Duration getRefundMaxWait() {
        return refundMaxWait;
    }

    public void setRefundMaxWait(Duration refundMaxWait) {
        this.refundMaxWait = refundMaxWait;
    }

    public Wake getWake() {
        return wake;
    }

    public void setWake(Wake wake) {
        this.wake = wake;
    }
}
