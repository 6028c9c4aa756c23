package com.recoverydesk.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code chains} section of chains.yml: each chain, its native coin and its listed tokens. */
final class ChainsReader {

    private static final Pattern CHAIN_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final YamlValues values;

    ChainsReader(YamlValues values) {
        this.values = values;
    }

    Map<String, ChainConfig> chains(YamlNode node) {
        values.mapping(node);
        if (node.json().isEmpty()) {
            throw values.invalid(node, "at least one chain is required");
        }
        Map<String, ChainConfig> chains = new LinkedHashMap<>();
        Map<Long, String> namesByChainId = new HashMap<>();
        for (Iterator<String> names = node.json().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            YamlNode chainNode = node.child(name);
            if (!CHAIN_NAME.matcher(name).matches()) {
                throw values.invalid(chainNode, "a chain's name must be lower-case letters, digits and dashes");
            }
            ChainConfig chain = chain(name, chainNode);
            String other = namesByChainId.putIfAbsent(chain.chainId(), name);
            if (other != null) {
                throw values.invalid(chainNode.child("chain-id"), "duplicate chain-id " + chain.chainId() + ": chains." + other + " has it too");
            }
            chains.put(name, chain);
        }
        return chains;
    }

    private ChainConfig chain(String name, YamlNode node) {
        values.mapping(node);
        values.allowOnly(node, "chain-id", "rpc-url", "explorer-url", "native", "confirmations", "recovery", "conditions",
                "max-deposit-age", "eip1559", "gas-station-floor", "tokens", "denylist");
        long chainId = values.longValue(node.child("chain-id"), 1, Long.MAX_VALUE);
        RecoveryMode recovery = values.enumValue(node.child("recovery"), RecoveryMode.class);
        URI rpcUrl = recovery == RecoveryMode.UNSUPPORTED && node.child("rpc-url").missing() ? null : values.url(node.child("rpc-url"));
        String explorer = node.child("explorer-url").missing() ? null : values.url(node.child("explorer-url")).toString();
        List<String> conditions = values.optionalList(node.child("conditions"), values::text);
        if (recovery == RecoveryMode.CONDITIONAL && conditions.isEmpty()) {
            throw values.invalid(node.child("conditions"), "a conditional chain must list the conditions a specialist confirms");
        }
        List<TokenRule> tokens = values.optionalList(node.child("tokens"), this::token);
        Set<String> contracts = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!contracts.add(tokens.get(i).contract().toLowerCase(Locale.ROOT))) {
                throw values.invalid(node.child("tokens").element(i).child("contract"), "the same contract is listed twice");
            }
        }
        return new ChainConfig(
                name,
                chainId,
                rpcUrl,
                explorer,
                nativeCoin(node.child("native")),
                values.integer(node.child("confirmations"), 0, 100_000),
                recovery,
                conditions,
                values.duration(node.child("max-deposit-age")),
                node.child("eip1559").missing() || values.bool(node.child("eip1559")),
                node.child("gas-station-floor").missing() ? BigDecimal.ZERO : values.decimal(node.child("gas-station-floor"), BigDecimal.ZERO),
                tokens,
                Set.copyOf(values.optionalList(node.child("denylist"), values::address)));
    }

    private NativeCoin nativeCoin(YamlNode node) {
        values.mapping(node);
        values.allowOnly(node, "symbol", "decimals", "usd-price");
        return new NativeCoin(values.text(node.child("symbol")), values.integer(node.child("decimals"), 0, 36),
                values.decimal(node.child("usd-price"), BigDecimal.ZERO));
    }

    private TokenRule token(YamlNode node) {
        values.mapping(node);
        values.allowOnly(node, "symbol", "contract", "decimals", "usd-price");
        return new TokenRule(values.text(node.child("symbol")), values.address(node.child("contract")),
                values.integer(node.child("decimals"), 0, 36), values.decimal(node.child("usd-price"), BigDecimal.ZERO));
    }
}
