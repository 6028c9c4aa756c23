package com.recoverydesk.chain;

import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Reads EVM addresses as people type them. EIP-55 mixed case carries a checksum that catches typos;
 * an all-lower or all-upper address carries none and is accepted as written, as wallets do.
 */
public final class EvmAddress {

    private static final Pattern SHAPE = Pattern.compile("0x[0-9a-fA-F]{40}");

    private EvmAddress() {
    }

    /** The checksummed form of {@code text}, or empty when it is not 20 bytes of hex or its mixed case is wrong. */
    public static Optional<String> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        String hex = text.substring(2);
        String checksummed = Keys.toChecksumAddress(text);
        boolean caseless = hex.equals(hex.toLowerCase()) || hex.equals(hex.toUpperCase());
        return caseless || checksummed.equals(text) ? Optional.of(checksummed) : Optional.empty();
    }

    /** True only for an address written in its exact EIP-55 form, as configuration files must be. */
    public static boolean isChecksummed(String text) {
        return text != null && SHAPE.matcher(text).matches() && Keys.toChecksumAddress(text).equals(text);
    }

    /** The EIP-55 form of a well-formed address in any letter case: how addresses are stored, so an index finds them. */
    public static String checksummed(String wellFormed) {
        return Keys.toChecksumAddress(wellFormed);
    }

    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }
}
