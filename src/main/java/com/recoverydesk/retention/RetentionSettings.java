package com.recoverydesk.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code recovery.retention}: how long a finished case (its row, timeline, notifications and refund transactions) is
 * kept after it finished, as the law of the exchange's jurisdiction requires (e.g. {@code P5Y});
 * {@code recovery.retention-purge-cron}: when the purge runs; {@code recovery.retention-purge-batch}: cases per purge
 * transaction, so a first purge of years of cases does not hold one huge transaction.
 */
@Validated
@ConfigurationProperties("recovery")
record RetentionSettings(@NotNull @DefaultValue("P5Y") Period retention, @NotNull @DefaultValue("0 30 3 * * *") String retentionPurgeCron,
        @DefaultValue("500") @Min(1) @Max(10000) int retentionPurgeBatch) {

    RetentionSettings {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("recovery.retention must be a positive period such as P5Y, not " + retention + ".");
        }
    }
}
