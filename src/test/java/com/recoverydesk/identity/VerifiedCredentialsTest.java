package com.recoverydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.recoverydesk.support.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A verified password is trusted again only as it was, and only for the time-to-live. */
class VerifiedCredentialsTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void theSamePasswordIsTrustedWithinTheTimeToLiveAndNoOtherEver() {
        VerifiedCredentials verified = new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ofSeconds(30)), clock);
        verified.verified("sam", "demo", List.of("appeals"));

        assertThat(verified.groupsIfVerified("sam", "demo")).containsExactly("appeals");
        assertThat(verified.groupsIfVerified("sam", "demo2")).isNull();
        assertThat(verified.groupsIfVerified("sara", "demo")).isNull();

        clock.advance(Duration.ofSeconds(31));
        assertThat(verified.groupsIfVerified("sam", "demo")).isNull();
    }

    @Test
    void aTimeToLiveOfZeroChecksEveryCall() {
        VerifiedCredentials verified = new VerifiedCredentials(new VerifiedCredentials.Settings(Duration.ZERO), clock);
        verified.verified("sam", "demo", List.of("appeals"));

        assertThat(verified.groupsIfVerified("sam", "demo")).isNull();
    }
}
