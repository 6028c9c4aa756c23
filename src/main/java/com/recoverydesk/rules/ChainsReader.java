package com.recoverydesk.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
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
    /** As many as the review form's condition checkboxes (bpmn/review-appeal.form). */
    static final int MAX_CONDITIONS = 5;

    private final YamlValues values;
    /** Each feed's {@code chain} key and the name it gives, checked once every chain is known. */
    private final Map<YamlNode, String> feedChains = new LinkedHashMap<>();

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
        feedChains.forEach((key, feedChain) -> {
            ChainConfig home = chains.get(feedChain);
            if (home == null) {
                throw values.invalid(key, "no chain named '" + feedChain + "' in this file; a feed lives on one of " + chains.keySet());
            }
            if (home.rpcUrl() == null) {
                throw values.invalid(key, "chains." + feedChain + " has no rpc-url, so its feed cannot be read");
            }
        });
        return chains;
    }

    private ChainConfig chain(String name, YamlNode node) {
        values.mapping(node);
        values.allowOnly(node, "chain-id", "rpc-url", "explorer-url", "native", "confirmations", "recovery", "conditions",
                "max-deposit-age", "eip1559", "gas-station-floor", "tokens", "denylist", "price", "refund-to",
                "block-time");
        long chainId = values.longValue(node.child("chain-id"), 1, Long.MAX_VALUE);
        RecoveryMode recovery = values.enumValue(node.child("recovery"), RecoveryMode.class);
        URI rpcUrl = recovery == RecoveryMode.UNSUPPORTED && node.child("rpc-url").missing() ? null : values.url(node.child("rpc-url"));
        String explorer = node.child("explorer-url").missing() ? null : values.url(node.child("explorer-url")).toString();
        List<String> conditions = values.optionalList(node.child("conditions"), values::text);
        if (recovery == RecoveryMode.CONDITIONAL && conditions.isEmpty()) {
            throw values.invalid(node.child("conditions"), "a conditional chain must list the conditions a specialist confirms");
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw values.invalid(node.child("conditions"), "at most " + MAX_CONDITIONS + " conditions (the review form has as many"
                    + " checkboxes); merge some");
        }
        boolean staticPrices = staticPrice(node, false);
        List<TokenRule> tokens = values.optionalList(node.child("tokens"), n -> token(n, staticPrices));
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
                nativeCoin(node.child("native"), staticPrices),
                values.integer(node.child("confirmations"), 0, 100_000),
                recovery,
                conditions,
                values.duration(node.child("max-deposit-age")),
                node.child("eip1559").missing() || values.bool(node.child("eip1559")),
                node.child("gas-station-floor").missing() ? BigDecimal.ZERO : values.decimal(node.child("gas-station-floor"), BigDecimal.ZERO),
                tokens,
                Set.copyOf(values.optionalList(node.child("denylist"), values::address)),
                node.child("refund-to").missing() ? null : values.enumValue(node.child("refund-to"), RefundTo.class),
                node.child("block-time").missing() ? null : blockTime(node.child("block-time")));
    }

    /** The follower polls the head this often: longer than a minute is a mistake (no chain the desk serves is that slow). */
    private Duration blockTime(YamlNode node) {
        Duration time = values.duration(node);
        if (time.compareTo(Duration.ofMinutes(1)) > 0) {
            throw values.invalid(node, "must be at most PT1M (the head is polled this often), e.g. PT12S");
        }
        return time;
    }

    private NativeCoin nativeCoin(YamlNode node, boolean chainIsStatic) {
        values.mapping(node);
        values.allowOnly(node, "symbol", "decimals", "price", "usd-price", "price-feed");
        return new NativeCoin(values.text(node.child("symbol")), values.integer(node.child("decimals"), 0, 36),
                pricing(node, chainIsStatic));
    }

    private TokenRule token(YamlNode node, boolean chainIsStatic) {
        values.mapping(node);
        values.allowOnly(node, "symbol", "contract", "decimals", "price", "usd-price", "price-feed");
        return new TokenRule(values.text(node.child("symbol")), values.address(node.child("contract")),
                values.integer(node.child("decimals"), 0, 36), pricing(node, chainIsStatic));
    }

    /**
     * A price feed, or a static {@code usd-price} where the asset or its chain says {@code price: static}. Never
     * both: a static figure beside a feed would be a guess waiting to be used when the feed is stale.
     */
    private Pricing pricing(YamlNode asset, boolean chainIsStatic) {
        YamlNode usdPrice = asset.child("usd-price");
        YamlNode feed = asset.child("price-feed");
        if (staticPrice(asset, chainIsStatic)) {
            if (!feed.missing()) {
                throw values.invalid(feed, "a static price has no feed; remove price: static to read this feed");
            }
            BigDecimal usd = values.decimal(usdPrice, BigDecimal.ZERO);
            if (usd.signum() == 0) {
                throw values.invalid(usdPrice, "a price must be above zero");
            }
            return Pricing.fixed(usd);
        }
        if (!usdPrice.missing()) {
            throw values.invalid(usdPrice, "a static usd-price is allowed only with price: static (on the asset or its chain);"
                    + " otherwise name a price-feed");
        }
        if (feed.missing()) {
            throw values.invalid(feed, "is required: name the feed (chain, contract, max-price-age), or set price: static");
        }
        return Pricing.fromFeed(priceFeed(feed));
    }

    private PriceFeed priceFeed(YamlNode node) {
        values.mapping(node);
        values.allowOnly(node, "chain", "contract", "max-price-age");
        String chain = values.text(node.child("chain"));
        feedChains.put(node.child("chain"), chain);
        return new PriceFeed(chain, values.address(node.child("contract")), values.duration(node.child("max-price-age")));
    }

    /** {@code price: static} or {@code price: feed} on a chain or an asset; an asset without one follows its chain. */
    private boolean staticPrice(YamlNode node, boolean inherited) {
        if (node.child("price").missing()) {
            return inherited;
        }
        String price = values.text(node.child("price"));
        return switch (price) {
            case "static" -> true;
            case "feed" -> false;
            default -> throw values.invalid(node.child("price"), "unknown value '" + price + "'; expected one of [static, feed]");
        };
    }
}
