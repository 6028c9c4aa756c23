package com.recoverydesk.verification;

import java.math.BigInteger;
import java.time.Instant;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A receipt with the {@code blockTimestamp} that anvil, reth and newer geth add to it. With it, the age of a
 * deposit comes in the same round trip as the receipt; without it one more call fetches the block header.
 */
class TimedReceipt extends TransactionReceipt {

    private String blockTimestamp;

    public void setBlockTimestamp(String blockTimestamp) {
        this.blockTimestamp = blockTimestamp;
    }

    /** Null when the node did not send it. */
    Instant blockTime() {
        if (blockTimestamp == null || blockTimestamp.isBlank()) {
            return null;
        }
        BigInteger seconds = blockTimestamp.startsWith("0x") ? Numeric.decodeQuantity(blockTimestamp) : new BigInteger(blockTimestamp);
        return Instant.ofEpochSecond(seconds.longValueExact());
    }

    static class Answer extends Response<TimedReceipt> {
    }
}
