package com.recoverydesk.chain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.recoverydesk.cases.CaseType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads chains.yml into {@link RecoveryRules}. Binding is done by hand, key by key, rather than by
 * Jackson's data binding so that every mistake is reported with the exact key path an operator has
 * to fix ({@code chains.bsc.tokens[0].contract}), and so that unknown keys (typos) are refused
 * instead of silently ignored.
 */
public final class ChainsFileLoader {

    private static final Pattern CHAIN_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final UnaryOperator<String> placeholders;

    /** @param placeholders resolves {@code ${NAME:default}}; throws IllegalArgumentException when it cannot */
    public ChainsFileLoader(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    public RecoveryRules load(Path file) {
        JsonNode root = parse(file);
        return new Reader(file).rules(new Node(root, ""));
    }

    private JsonNode parse(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new InvalidChainsFile(file, "", "the file is empty or is not a YAML mapping");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new InvalidChainsFile(file, "", "the file does not exist (set recovery.chains-file / RECOVERY_CHAINS_FILE)");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidChainsFile(file, "", "is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidChainsFile(file, "", "cannot be read: " + e.getMessage());
        }
    }

    /** A YAML node with the key path that leads to it. */
    private record Node(JsonNode json, String path) {

        Node child(String key) {
            return new Node(json.get(key), path.isEmpty() ? key : path + "." + key);
        }

        Node element(int index) {
            return new Node(json.get(index), path + "[" + index + "]");
        }

        boolean missing() {
            return json == null || json.isNull();
        }
    }

    private final class Reader {

        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        RecoveryRules rules(Node root) {
            allowOnly(root, "chains", "fees", "minimum-deposit-usd", "approval", "reply-wait-days", "refund-to");
            Map<String, ChainConfig> chains = chains(root.child("chains"));
            Map<CaseType, FeeRule> fees = perCaseType(root.child("fees"), this::feeRule);
            Map<CaseType, BigDecimal> minimums = perCaseType(root.child("minimum-deposit-usd"), n -> decimal(n, BigDecimal.ZERO));
            Node approval = root.child("approval");
            mapping(approval);
            allowOnly(approval, "dual-above-usd");
            BigDecimal dualAbove = decimal(approval.child("dual-above-usd"), BigDecimal.ZERO);
            int replyWaitDays = integer(root.child("reply-wait-days"), 1, 3650);
            RefundTo refundTo = enumValue(root.child("refund-to"), RefundTo.class);
            return new RecoveryRules(Collections.unmodifiableMap(chains), Map.copyOf(fees), Map.copyOf(minimums), dualAbove, replyWaitDays, refundTo);
        }

        private Map<String, ChainConfig> chains(Node node) {
            mapping(node);
            if (node.json().isEmpty()) {
                throw invalid(node, "at least one chain is required");
            }
            Map<String, ChainConfig> chains = new LinkedHashMap<>();
            Map<Long, String> namesByChainId = new HashMap<>();
            for (Iterator<String> names = node.json().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Node chainNode = node.child(name);
                if (!CHAIN_NAME.matcher(name).matches()) {
                    throw invalid(chainNode, "a chain's name must be lower-case letters, digits and dashes");
                }
                ChainConfig chain = chain(name, chainNode);
                String other = namesByChainId.putIfAbsent(chain.chainId(), name);
                if (other != null) {
                    throw invalid(chainNode.child("chain-id"), "duplicate chain-id " + chain.chainId() + ": chains." + other + " has it too");
                }
                chains.put(name, chain);
            }
            return chains;
        }

        private ChainConfig chain(String name, Node node) {
            mapping(node);
            allowOnly(node, "chain-id", "rpc-url", "explorer-url", "native", "confirmations", "recovery", "conditions",
                    "max-deposit-age", "eip1559", "gas-station-floor", "tokens", "denylist");
            long chainId = longValue(node.child("chain-id"), 1, Long.MAX_VALUE);
            RecoveryMode recovery = enumValue(node.child("recovery"), RecoveryMode.class);
            URI rpcUrl = recovery == RecoveryMode.UNSUPPORTED && node.child("rpc-url").missing() ? null : url(node.child("rpc-url"));
            String explorer = node.child("explorer-url").missing() ? null : url(node.child("explorer-url")).toString();
            List<String> conditions = optionalList(node.child("conditions"), this::text);
            if (recovery == RecoveryMode.CONDITIONAL && conditions.isEmpty()) {
                throw invalid(node.child("conditions"), "a conditional chain must list the conditions a specialist confirms");
            }
            List<TokenRule> tokens = optionalList(node.child("tokens"), this::token);
            Set<String> contracts = new LinkedHashSet<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (!contracts.add(tokens.get(i).contract().toLowerCase(Locale.ROOT))) {
                    throw invalid(node.child("tokens").element(i).child("contract"), "the same contract is listed twice");
                }
            }
            return new ChainConfig(
                    name,
                    chainId,
                    rpcUrl,
                    explorer,
                    nativeCoin(node.child("native")),
                    integer(node.child("confirmations"), 0, 100_000),
                    recovery,
                    conditions,
                    duration(node.child("max-deposit-age")),
                    node.child("eip1559").missing() || bool(node.child("eip1559")),
                    node.child("gas-station-floor").missing() ? BigDecimal.ZERO : decimal(node.child("gas-station-floor"), BigDecimal.ZERO),
                    tokens,
                    Set.copyOf(optionalList(node.child("denylist"), this::address)));
        }

        private NativeCoin nativeCoin(Node node) {
            mapping(node);
            allowOnly(node, "symbol", "decimals", "usd-price");
            return new NativeCoin(text(node.child("symbol")), integer(node.child("decimals"), 0, 36),
                    decimal(node.child("usd-price"), BigDecimal.ZERO));
        }

        private TokenRule token(Node node) {
            mapping(node);
            allowOnly(node, "symbol", "contract", "decimals", "usd-price");
            return new TokenRule(text(node.child("symbol")), address(node.child("contract")),
                    integer(node.child("decimals"), 0, 36), decimal(node.child("usd-price"), BigDecimal.ZERO));
        }

        private FeeRule feeRule(Node node) {
            mapping(node);
            allowOnly(node, "percent", "min-usd", "max-usd");
            BigDecimal percent = decimal(node.child("percent"), BigDecimal.ZERO);
            if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw invalid(node.child("percent"), "must be at most 100");
            }
            BigDecimal min = decimal(node.child("min-usd"), BigDecimal.ZERO);
            BigDecimal max = decimal(node.child("max-usd"), BigDecimal.ZERO);
            if (max.compareTo(min) < 0) {
                throw invalid(node.child("max-usd"), "must not be below min-usd (" + min.toPlainString() + ")");
            }
            return new FeeRule(percent, min, max);
        }

        private <T> Map<CaseType, T> perCaseType(Node node, java.util.function.Function<Node, T> read) {
            mapping(node);
            Map<CaseType, T> values = new EnumMap<>(CaseType.class);
            for (Iterator<String> keys = node.json().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                CaseType type;
                try {
                    type = CaseType.valueOf(key);
                } catch (IllegalArgumentException e) {
                    throw invalid(node.child(key), "unknown kind of case; expected one of " + List.of(CaseType.values()));
                }
                values.put(type, read.apply(node.child(key)));
            }
            for (CaseType type : CaseType.values()) {
                if (!values.containsKey(type)) {
                    throw invalid(node.child(type.name()), "is required");
                }
            }
            return values;
        }

        // --- scalars -------------------------------------------------------------------------

        private String text(Node node) {
            if (node.missing()) {
                throw invalid(node, "is required");
            }
            if (!node.json().isValueNode()) {
                throw invalid(node, "must be a single value, not a list or mapping");
            }
            String raw = node.json().asText();
            String resolved;
            try {
                resolved = placeholders.apply(raw);
            } catch (IllegalArgumentException e) {
                throw invalid(node, "placeholder cannot be resolved (" + e.getMessage() + ")");
            }
            if (resolved.isBlank()) {
                throw invalid(node, "must not be empty");
            }
            return resolved.trim();
        }

        private URI url(Node node) {
            String text = text(node);
            try {
                URI uri = URI.create(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!List.of("http", "https", "ws", "wss").contains(scheme) || uri.getHost() == null) {
                    throw invalid(node, "'" + text + "' is not an http(s) or ws(s) URL");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw invalid(node, "'" + text + "' is not a URL");
            }
        }

        private String address(Node node) {
            String text = text(node);
            if (!EvmAddress.isChecksummed(text)) {
                throw invalid(node, "'" + text + "' is not an EIP-55 checksummed address (0x and 40 hex digits in checksum case)");
            }
            return text;
        }

        private BigDecimal decimal(Node node, BigDecimal minimum) {
            if (!node.missing() && node.json().isFloatingPointNumber()) {
                // YAML reads 0.1 as a binary double; money must be written exactly.
                throw invalid(node, "write money as quoted decimal text (\"" + node.json().asText() + "\"), not as a YAML number");
            }
            String text = text(node);
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid(node, "'" + text + "' is not a decimal number");
            }
            if (value.compareTo(minimum) < 0) {
                throw invalid(node, "must not be negative (was " + text + ")");
            }
            return value;
        }

        private int integer(Node node, int min, int max) {
            return (int) longValue(node, min, max);
        }

        private long longValue(Node node, long min, long max) {
            String text = text(node);
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw invalid(node, "'" + text + "' is not a whole number");
            }
            if (value < min || value > max) {
                throw invalid(node, "must be between " + min + " and " + max + " (was " + value + ")");
            }
            return value;
        }

        private boolean bool(Node node) {
            String text = text(node);
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(node, "must be true or false (was '" + text + "')");
            };
        }

        private Duration duration(Node node) {
            String text = text(node);
            try {
                Duration value = Duration.parse(text);
                if (value.isNegative() || value.isZero()) {
                    throw invalid(node, "must be a positive duration");
                }
                return value;
            } catch (DateTimeParseException e) {
                throw invalid(node, "'" + text + "' is not an ISO-8601 duration such as P365D");
            }
        }

        private <E extends Enum<E>> E enumValue(Node node, Class<E> type) {
            String text = text(node);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw invalid(node, "unknown value '" + text + "'; expected one of " + allowed);
        }

        // --- structure -----------------------------------------------------------------------

        private void mapping(Node node) {
            if (node.missing()) {
                throw invalid(node, "is required");
            }
            if (!node.json().isObject()) {
                throw invalid(node, "must be a mapping of keys to values");
            }
        }

        private <T> List<T> optionalList(Node node, java.util.function.Function<Node, T> read) {
            if (node.missing()) {
                return List.of();
            }
            if (!node.json().isArray()) {
                throw invalid(node, "must be a list");
            }
            List<T> values = new ArrayList<>();
            for (int i = 0; i < node.json().size(); i++) {
                values.add(read.apply(node.element(i)));
            }
            return List.copyOf(values);
        }

        private void allowOnly(Node node, String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Iterator<String> names = node.json().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw invalid(node.child(name), "unknown key; expected one of " + List.of(keys));
                }
            }
        }

        private InvalidChainsFile invalid(Node node, String problem) {
            return new InvalidChainsFile(file, node.path(), problem);
        }
    }
}
