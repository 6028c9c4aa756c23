package com.recoverydesk.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One chain's rules from chains.yml. Addresses ({@code tokens[].contract}, {@code denylist}) are
 * EIP-55 checksummed; compare them case-insensitively.
 *
 * @param rpcUrls              the chain's JSON-RPC endpoints ({@code rpc-urls}, or a single {@code rpc-url}), in the
 *                             order they are preferred; empty only for an {@link RecoveryMode#UNSUPPORTED} chain,
 *                             which is never contacted
 * @param maxLagBlocks         an endpoint whose head is more than this many blocks behind the best endpoint's is skipped
 * @param maxRequestsPerSecond the chain's request budget over all its endpoints (a JSON-RPC batch is one request)
 * @param gasStationFloor the native-coin balance (in whole coins) below which the gas station is reported low
 * @param refundTo        this chain's own refund destination rule; null follows the file's global {@code refund-to}
 * @param replacement     when stuck refund transactions are replaced and up to which fee ({@code replace-after-blocks}, {@code max-fee})
 * @param blockTime       how often the chain makes a block ({@code block-time}), the pace its head is followed at;
 *                        null follows {@code recovery.follow.poll-interval}
 */
public record ChainConfig(
        String name,
        long chainId,
        List<URI> rpcUrls,
        long maxLagBlocks,
        int maxRequestsPerSecond,
        String explorerUrl,
        NativeCoin nativeCoin,
        int confirmations,
        RecoveryMode recovery,
        List<String> conditions,
        Duration maxDepositAge,
        boolean eip1559,
        BigDecimal gasStationFloor,
        List<TokenRule> tokens,
        Set<String> denylist,
        RefundTo refundTo,
        FeeReplacement replacement,
        Duration blockTime) {

    /** The first endpoint, the preferred one; null for a chain without endpoints (unsupported). */
    public URI rpcUrl() {
        return rpcUrls.isEmpty() ? null : rpcUrls.get(0);
    }

    public Optional<TokenRule> token(String contract) {
        return tokens.stream().filter(t -> t.isContract(contract)).findFirst();
    }

    public boolean isDenylisted(String contract) {
        return denylist.stream().anyMatch(d -> d.equalsIgnoreCase(contract));
    }
}
