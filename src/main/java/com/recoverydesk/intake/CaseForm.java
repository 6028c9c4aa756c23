package com.recoverydesk.intake;

/**
 * The recovery form as it arrives. Every field is text so that each mistake can be reported on its own
 * field in words, instead of one parse error for the whole body.
 */
record CaseForm(
        String type,
        String chain,
        String txHash,
        String depositAddress,
        String tokenContract,
        String refundAddress,
        String claimedAmount,
        String contactEmail,
        String note) {
}
