package com.recoverydesk.cases;

/** A case as the customer files it, already validated; addresses checksummed, the TXID lower-case. */
public record NewCase(
        String customerId,
        CaseType type,
        String chain,
        String txHash,
        String depositAddress,
        String tokenContract,
        String refundAddress,
        String claimedAmount,
        String contactEmail,
        String note) {
}
