package com.recoverydesk.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Page sizes of the lists that grow ({@code recovery.paging.*}): what a client gets without asking, and the most it may
 * ask for. The maximum bounds what one request costs the database and the JSON writer.
 */
@Validated
@ConfigurationProperties("recovery.paging")
record PagingSettings(@DefaultValue("50") @Min(1) @Max(1000) int defaultLimit, @DefaultValue("200") @Min(1) @Max(1000) int maxLimit) {

    PagingSettings {
        if (defaultLimit > maxLimit) {
            throw new IllegalArgumentException("recovery.paging.default-limit (" + defaultLimit + ") is above recovery.paging.max-limit ("
                    + maxLimit + "): a client that asks for nothing would get more than anyone may ask for.");
        }
    }
}
