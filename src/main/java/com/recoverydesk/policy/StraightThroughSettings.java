package com.recoverydesk.policy;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code recovery.straight-through.*} ({@code RECOVERY_STRAIGHT_THROUGH_MODE}). The default is {@code dry-run}: a new
 * installation records what the table would do next to what people do, and an operator turns it {@code on} once the
 * two agree; the limits themselves are rows of bpmn/recovery-policy.dmn, not settings.
 */
@Validated
@ConfigurationProperties("recovery.straight-through")
record StraightThroughSettings(@NotNull @DefaultValue("dry-run") StraightThroughMode mode) {
}
