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
    /** Blocks an endpoint may trail the best one before it is skipped, where a chain does not say. */
    static final long DEFAULT_MAX_LAG_BLOCKS = 5;
    /** A chain's request budget where it does not say: below what paid RPC plans allow, above what a busy desk needs. */
    static final int DEFAULT_MAX_REQUESTS_PER_SECOND = 100;

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
                "rpc-urls", "max-lag-blocks", "max-requests-per-second", "replace-after-blocks", "max-fee", "block-time");
        long chainId = values.longValue(node.child("chain-id"), 1, Long.MAX_VALUE);
        RecoveryMode recovery = values.enumValue(node.child("recovery"), RecoveryMode.class);
        List<URI> rpcUrls = rpcUrls(node, recovery);
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
                rpcUrls,
                node.child("max-lag-blocks").missing() ? DEFAULT_MAX_LAG_BLOCKS
                        : values.longValue(node.child("max-lag-blocks"), 1, 1_000_000),
                node.child("max-requests-per-second").missing() ? DEFAULT_MAX_REQUESTS_PER_SECOND
                        : values.integer(node.child("max-requests-per-second"), 1, 100_000),
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
                replacement(node),
                node.child("block-time").missing() ? null : blockTime(node.child("block-time")));
    }

    /** {@code replace-after-blocks} (whole blocks) and {@code max-fee} (gwei per gas, quoted decimal text). */
    private FeeReplacement replacement(YamlNode node) {
        int after = node.child("replace-after-blocks").missing() ? FeeReplacement.DEFAULT_AFTER_BLOCKS
                : values.integer(node.child("replace-after-blocks"), 1, 10_000);
        YamlNode maxFee = node.child("max-fee");
        BigDecimal gwei = maxFee.missing() ? new BigDecimal(FeeReplacement.DEFAULT_MAX_FEE_GWEI) : values.decimal(maxFee, BigDecimal.ZERO);
        BigDecimal wei = gwei.movePointRight(9);
        if (wei.signum() == 0 || wei.stripTrailingZeros().scale() > 0) {
            throw values.invalid(maxFee, "must be a fee in gwei per gas above zero, at most 9 decimals (was " + gwei.toPlainString() + ")");
        }
        return new FeeReplacement(after, wei.toBigIntegerExact());
    }

    /**
     * The chain's endpoints: {@code rpc-urls} as a list, or as one value of comma-separated URLs (so that one
     * environment variable can carry several), or the single {@code rpc-url} of files written before there were
     * several. Only http(s): requests are plain JSON-RPC over HTTP.
     */
    private List<URI> rpcUrls(YamlNode chain, RecoveryMode recovery) {
        YamlNode single = chain.child("rpc-url");
        YamlNode list = chain.child("rpc-urls");
        if (!single.missing() && !list.missing()) {
            throw values.invalid(list, "give either rpc-urls or rpc-url, not both");
        }
        if (single.missing() && list.missing()) {
            if (recovery == RecoveryMode.UNSUPPORTED) {
                return List.of();
            }
            throw values.invalid(list, "is required: the chain's JSON-RPC endpoints (or one rpc-url)");
        }
        List<URI> urls = new java.util.ArrayList<>();
        if (!single.missing()) {
            urls.add(httpEndpoint(single, values.text(single)));
        } else if (list.json().isArray()) {
            if (list.json().isEmpty()) {
                throw values.invalid(list, "must name at least one endpoint");
            }
            for (int i = 0; i < list.json().size(); i++) {
                urls.add(httpEndpoint(list.element(i), values.text(list.element(i))));
            }
        } else {
            for (String part : values.text(list).split(",")) {
                if (part.isBlank()) {
                    throw values.invalid(list, "an empty endpoint between commas");
                }
                urls.add(httpEndpoint(list, part.trim()));
            }
        }
        if (new LinkedHashSet<>(urls).size() != urls.size()) {
            throw values.invalid(single.missing() ? list : single, "the same endpoint is listed twice");
        }
        return List.copyOf(urls);
    }

    private URI httpEndpoint(YamlNode node, String text) {
        URI url = values.url(node, text);
        if (!List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw values.invalid(node, "'" + text + "' is not an http(s) URL; JSON-RPC endpoints are called over HTTP");
        }
        return url;
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
