package com.recoverydesk.cases;

import java.time.Instant;

/** A recovery case as filed by its customer and as far as the workflow has taken it. */
public record RecoveryCase(
        String id,
        String customerId,
        CaseType type,
        CaseStatus status,
        String chain,
        String txHash,
        String depositAddress,
        String tokenContract,
        String refundAddress,
        String claimedAmount,
        String contactEmail,
        String note,
        ReasonCode reasonCode,
        String reasonMessage,
        DepositFacts facts,
        CaseFee fee,
        Instant createdAt,
        Instant updatedAt) {
}
