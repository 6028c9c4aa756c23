package com.recoverydesk.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Reads the values of chains.yml, one key at a time: placeholders resolved, types and ranges checked, and every
 * refusal an {@link InvalidChainsFile} that names the key path and what is wrong.
 */
final class YamlValues {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final Path file;
    private final UnaryOperator<String> placeholders;

    YamlValues(Path file, UnaryOperator<String> placeholders) {
        this.file = file;
        this.placeholders = placeholders;
    }

    String text(YamlNode node) {
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

    URI url(YamlNode node) {
        return url(node, text(node));
    }

    /** A URL that is one part of the node's value (one of a comma-separated list). */
    URI url(YamlNode node, String text) {
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

    String address(YamlNode node) {
        String text = text(node);
        // The test of chain.EvmAddress.isChecksummed, repeated because the rules sit below the chain clients and
        // must not depend on them.
        if (!ADDRESS.matcher(text).matches() || !Keys.toChecksumAddress(text).equals(text)) {
            throw invalid(node, "'" + text + "' is not an EIP-55 checksummed address (0x and 40 hex digits in checksum case)");
        }
        return text;
    }

    BigDecimal decimal(YamlNode node, BigDecimal minimum) {
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

    int integer(YamlNode node, int min, int max) {
        return (int) longValue(node, min, max);
    }

    long longValue(YamlNode node, long min, long max) {
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

    boolean bool(YamlNode node) {
        String text = text(node);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(node, "must be true or false (was '" + text + "')");
        };
    }

    Duration duration(YamlNode node) {
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

    <E extends Enum<E>> E enumValue(YamlNode node, Class<E> type) {
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

    void mapping(YamlNode node) {
        if (node.missing()) {
            throw invalid(node, "is required");
        }
        if (!node.json().isObject()) {
            throw invalid(node, "must be a mapping of keys to values");
        }
    }

    <T> List<T> optionalList(YamlNode node, Function<YamlNode, T> read) {
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

    void allowOnly(YamlNode node, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Iterator<String> names = node.json().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(node.child(name), "unknown key; expected one of " + List.of(keys));
            }
        }
    }

    InvalidChainsFile invalid(YamlNode node, String problem) {
        return new InvalidChainsFile(file, node.path(), problem);
    }
}
