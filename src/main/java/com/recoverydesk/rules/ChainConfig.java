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
 * @param rpcUrl null only for an {@link RecoveryMode#UNSUPPORTED} chain, which is never contacted
 * @param gasStationFloor the native-coin balance (in whole coins) below which the gas station is reported low
 * @param refundTo        this chain's own refund destination rule; null follows the file's global {@code refund-to}
 * @param blockTime       how often the chain makes a block ({@code block-time}), the pace its head is followed at;
 *                        null follows {@code recovery.follow.poll-interval}
 */
public record ChainConfig(
        String name,
        long chainId,
        URI rpcUrl,
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
        Duration blockTime) {

    public Optional<TokenRule> token(String contract) {
        return tokens.stream().filter(t -> t.isContract(contract)).findFirst();
    }

    public boolean isDenylisted(String contract) {
        return denylist.stream().anyMatch(d -> d.equalsIgnoreCase(contract));
    }
}
