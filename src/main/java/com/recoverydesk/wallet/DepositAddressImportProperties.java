package com.recoverydesk.wallet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The deposit-address import ({@code recovery.deposit-addresses.*}): the largest body it reads
 * ({@code import-max-size}, RECOVERY_DEPOSIT_ADDRESSES_IMPORT_MAX_SIZE, default 8GB — about 60 million lines; the
 * API's 64 KiB limit does not apply, since the body is streamed) and how many lines share one transaction
 * ({@code import-batch-size}, default 1000).
 */
@Validated
@ConfigurationProperties("recovery.deposit-addresses")
record DepositAddressImportProperties(@DefaultValue("8GB") DataSize importMaxSize,
        @DefaultValue("1000") @Min(1) @Max(10_000) int importBatchSize) {
}
