package com.recoverydesk.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.recoverydesk.cases.CaseType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads chains.yml into {@link RecoveryRules}. Binding is done by hand, key by key, rather than by
 * Jackson's data binding so that every mistake is reported with the exact key path an operator has
 * to fix ({@code chains.bsc.tokens[0].contract}), and so that unknown keys (typos) are refused
 * instead of silently ignored. The chains are read by {@link ChainsReader}, single values by {@link YamlValues}.
 */
public final class ChainsFileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final UnaryOperator<String> placeholders;

    /** @param placeholders resolves {@code ${NAME:default}}; throws IllegalArgumentException when it cannot */
    public ChainsFileLoader(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    public RecoveryRules load(Path file) {
        JsonNode root = parse(file);
        YamlValues values = new YamlValues(file, placeholders);
        return rules(new YamlNode(root, ""), values);
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

    private static RecoveryRules rules(YamlNode root, YamlValues values) {
        values.allowOnly(root, "chains", "fees", "minimum-deposit-usd", "approval", "reply-wait-days", "refund-to");
        Map<String, ChainConfig> chains = new ChainsReader(values).chains(root.child("chains"));
        Map<CaseType, FeeRule> fees = perCaseType(root.child("fees"), values, n -> feeRule(n, values));
        Map<CaseType, BigDecimal> minimums = perCaseType(root.child("minimum-deposit-usd"), values, n -> values.decimal(n, BigDecimal.ZERO));
        YamlNode approval = root.child("approval");
        values.mapping(approval);
        values.allowOnly(approval, "dual-above-usd");
        BigDecimal dualAbove = values.decimal(approval.child("dual-above-usd"), BigDecimal.ZERO);
        int replyWaitDays = values.integer(root.child("reply-wait-days"), 1, 3650);
        RefundTo refundTo = values.enumValue(root.child("refund-to"), RefundTo.class);
        return new RecoveryRules(Collections.unmodifiableMap(chains), Map.copyOf(fees), Map.copyOf(minimums), dualAbove, replyWaitDays, refundTo);
    }

    private static FeeRule feeRule(YamlNode node, YamlValues values) {
        values.mapping(node);
        values.allowOnly(node, "percent", "min-usd", "max-usd");
        BigDecimal percent = values.decimal(node.child("percent"), BigDecimal.ZERO);
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw values.invalid(node.child("percent"), "must be at most 100");
        }
        BigDecimal min = values.decimal(node.child("min-usd"), BigDecimal.ZERO);
        BigDecimal max = values.decimal(node.child("max-usd"), BigDecimal.ZERO);
        if (max.compareTo(min) < 0) {
            throw values.invalid(node.child("max-usd"), "must not be below min-usd (" + min.toPlainString() + ")");
        }
        return new FeeRule(percent, min, max);
    }

    private static <T> Map<CaseType, T> perCaseType(YamlNode node, YamlValues values, Function<YamlNode, T> read) {
        values.mapping(node);
        Map<CaseType, T> byType = new EnumMap<>(CaseType.class);
        for (Iterator<String> keys = node.json().fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            CaseType type;
            try {
                type = CaseType.valueOf(key);
            } catch (IllegalArgumentException e) {
                throw values.invalid(node.child(key), "unknown kind of case; expected one of " + List.of(CaseType.values()));
            }
            byType.put(type, read.apply(node.child(key)));
        }
        for (CaseType type : CaseType.values()) {
            if (!byType.containsKey(type)) {
                throw values.invalid(node.child(type.name()), "is required");
            }
        }
        return byType;
    }
}
