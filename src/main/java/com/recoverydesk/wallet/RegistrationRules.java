package com.recoverydesk.wallet;

import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.rules.RecoveryRules;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Checks what the exchange says about one deposit address before anything is stored: the user id, the EIP-55
 * checksum, chains chains.yml names, and that an HD account index really derives the address. The same rules
 * serve the bulk import, the single upsert and the demo addresses.
 */
@Component
class RegistrationRules {

    /** The width of {@code recovery.deposit_address.user_id}. */
    static final int MAX_USER_ID = 64;

    private final RecoveryRules rules;
    private final DepositKeys keys;

    RegistrationRules(RecoveryRules rules, DepositKeys keys) {
        this.rules = rules;
        this.keys = keys;
    }

    /** A registration, or the first reason it cannot be one. */
    Checked check(String userId, String address, Collection<String> chains, Integer accountIndex) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID || !userId.strip().equals(userId)
                || userId.chars().anyMatch(Character::isISOControl)) {
            return Checked.refused(Refusal.INVALID_USER_ID.because(
                    "Name the user who holds the address: 1 to " + MAX_USER_ID + " characters, no spaces around it."));
        }
        if (!EvmAddress.isWellFormed(address)) {
            return Checked.refused(Refusal.INVALID_ADDRESS.because("An address is 0x followed by 40 hexadecimal characters."));
        }
        String checksummed = EvmAddress.parse(address).orElse(null);
        if (checksummed == null) {
            return Checked.refused(Refusal.BAD_CHECKSUM.because("This address's mixed upper and lower case letters do not match its EIP-55 checksum."));
        }
        if (chains == null || chains.isEmpty()) {
            return Checked.refused(Refusal.NO_CHAINS.because("Name at least one chain the address was issued for."));
        }
        for (String chain : chains) {
            if (chain == null || rules.chain(chain).isEmpty()) {
                return Checked.refused(Refusal.UNKNOWN_CHAIN.because(
                        "No chain '" + chain + "' in chains.yml; name one of " + rules.chains().keySet() + "."));
            }
        }
        if (accountIndex != null) {
            if (accountIndex < 0) {
                return Checked.refused(Refusal.INVALID_ACCOUNT_INDEX.because("An HD account index is 0 or more."));
            }
            String derived = keys.deriveAddress(accountIndex);
            if (!derived.equals(checksummed)) {
                return Checked.refused(Refusal.ACCOUNT_INDEX_MISMATCH.because("HD account " + accountIndex
                        + " (m/44'/60'/0'/0/" + accountIndex + ") derives " + derived + ", not this address."));
            }
        }
        return new Checked(new AddressRegistration(userId, checksummed, Set.copyOf(new TreeSet<>(chains)), accountIndex), null);
    }

    /** Exactly one of the two is set. */
    record Checked(AddressRegistration registration, Refusal.Refused refused) {

        static Checked refused(Refusal.Refused refused) {
            return new Checked(null, refused);
        }
    }
}
