package com.recoverydesk.wallet;

import com.recoverydesk.chain.EvmAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.Sign;

/**
 * Checks every wallet setting at once, so an operator who starts production without its secrets reads all the
 * missing names in one failed start instead of one per attempt. Done by hand rather than by bean validation:
 * Spring Boot's report of a failed binding prints the rejected value, and these values are secrets.
 */
final class WalletSettings {

    static final String MNEMONIC = "recovery.wallet.deposit-mnemonic";
    static final String GAS_STATION_KEY = "recovery.wallet.gas-station-private-key";
    static final String FEE_TREASURY = "recovery.wallet.fee-treasury-address";

    private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    private WalletSettings() {
    }

    /** @throws InvalidWalletSetting naming each bad setting and its environment variable, never a value */
    static void check(WalletProperties wallet) {
        List<InvalidWalletSetting.Problem> problems = new ArrayList<>();
        String mnemonic = trimmed(wallet.depositMnemonic());
        if (mnemonic.isEmpty()) {
            problems.add(problem(MNEMONIC, "is not set"));
        } else if (!MnemonicUtils.validateMnemonic(mnemonic)) {
            problems.add(problem(MNEMONIC, "is not a valid BIP-39 mnemonic (wrong words, word count or checksum)"));
        }
        String key = trimmed(wallet.gasStationPrivateKey());
        if (key.isEmpty()) {
            problems.add(problem(GAS_STATION_KEY, "is not set"));
        } else if (!KEY.matcher(key).matches()) {
            problems.add(problem(GAS_STATION_KEY, "is not a private key (32 bytes as 64 hexadecimal characters)"));
        } else if (!onCurve(key)) {
            // zero or at least the curve order: 64 hex digits that no wallet can sign with
            problems.add(problem(GAS_STATION_KEY, "is not a valid secp256k1 private key (out of range)"));
        }
        // The treasury address is public, so its value may be shown to help spot the typo.
        String treasury = trimmed(wallet.feeTreasuryAddress());
        if (treasury.isEmpty()) {
            problems.add(problem(FEE_TREASURY, "is not set"));
        } else if (!EvmAddress.isChecksummed(treasury)) {
            problems.add(problem(FEE_TREASURY, "'" + treasury + "' is not an EIP-55 checksummed address"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWalletSetting(problems);
        }
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static boolean onCurve(String key) {
        BigInteger value = new BigInteger(key.startsWith("0x") ? key.substring(2) : key, 16);
        return value.signum() > 0 && value.compareTo(Sign.CURVE_PARAMS.getN()) < 0;
    }

    private static InvalidWalletSetting.Problem problem(String setting, String what) {
        return new InvalidWalletSetting.Problem(setting, environmentVariable(setting), what);
    }

    /** Spring Boot's relaxed binding: recovery.wallet.deposit-mnemonic is read from RECOVERY_WALLET_DEPOSIT_MNEMONIC. */
    static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
