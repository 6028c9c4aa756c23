package com.recoverydesk.follow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recoverydesk.rules.ChainsFileLoader;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.verification.VerificationSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The follower refuses to start on settings that would spin or let its lease lapse between polls, naming the setting. */
class FollowSettingsTest {

    private final RecoveryRules rules = new ChainsFileLoader(new MockEnvironment()::resolveRequiredPlaceholders).load(Path.of("chains.yml"));

    @Test
    void refusesAPollIntervalOfZero() {
        FollowSettings settings = new FollowSettings();
        settings.setPollInterval(Duration.ZERO);

        assertThatThrownBy(() -> follower(settings)).hasMessage("recovery.follow.poll-interval must be a positive duration (was PT0S)");
    }

    @Test
    void refusesALeaseThatRunsOutBetweenTwoPolls() {
        FollowSettings settings = new FollowSettings();
        settings.setLeaseDuration(Duration.ofSeconds(1));

        assertThatThrownBy(() -> follower(settings)).hasMessageStartingWith("recovery.follow.lease-duration (PT1S) must be longer than the time"
                + " between two polls of chain ethereum (PT1S, its block-time in chains.yml or recovery.follow.poll-interval)");
    }

    private HeadFollower follower(FollowSettings settings) {
        return new HeadFollower(settings, null, Clock.systemUTC(), rules, null, null, null, null, new VerificationSettings(),
                new SimpleMeterRegistry());
    }
}
