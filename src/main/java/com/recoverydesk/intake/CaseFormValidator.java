package com.recoverydesk.intake;

import com.recoverydesk.cases.CaseType;
import com.recoverydesk.cases.NewCase;
import com.recoverydesk.chain.DecimalAmount;
import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.chain.TxHash;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.RefundTo;
import com.recoverydesk.wallet.DepositAddressDirectory;
import com.recoverydesk.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks a form field by field before anything is stored, and turns it into a {@link NewCase}. */
@Component
class CaseFormValidator {

    static final int MAX_NOTE = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final RecoveryRules rules;
    private final DepositAddressDirectory addresses;
    private final TransactionSenders senders;

    CaseFormValidator(RecoveryRules rules, DepositAddressDirectory addresses, TransactionSenders senders) {
        this.rules = rules;
        this.addresses = addresses;
        this.senders = senders;
    }

    /** The case to file, or the list of what is wrong with the form (never both). */
    Result validate(String customerId, CaseForm form) {
        List<FieldError> problems = new ArrayList<>();
        CaseType type = caseType(form.type(), problems);
        String chain = chain(form.chain(), problems);
        String txHash = txHash(form.txHash(), problems);
        String deposit = address("depositAddress", form.depositAddress(), true, problems);
        String token = address("tokenContract", form.tokenContract(), false, problems);
        RefundTo refundTo = chain == null ? rules.refundTo() : rules.refundTo(chain);
        // refund-to sender: the refund goes back to the verified sender, so the form need not name an address
        String refund = address("refundAddress", form.refundAddress(), refundTo == RefundTo.ANY, problems);
        if (refund != null && addresses.isDepositAddress(refund)) {
            refund = null;
            problems.add(new FieldError("refundAddress", "REFUND_TO_DEPOSIT_ADDRESS",
                    "The refund address is one of this exchange's deposit addresses. Name an address you control outside the exchange."));
        }
        if (refundTo == RefundTo.SENDER && refund != null && txHash != null) {
            String named = refund;
            senders.senderOf(chain, txHash).filter(from -> !from.equalsIgnoreCase(named)).ifPresent(from -> problems.add(
                    new FieldError("refundAddress", "REFUND_ADDRESS_NOT_SENDER", "On " + chain + " we refund only to the address"
                            + " the deposit came from (" + from + "). Leave the refund address empty, or name that address.")));
        }
        String amount = amount(form.claimedAmount(), problems);
        String email = email(form.contactEmail(), problems);
        String note = note(form.note(), problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new NewCase(customerId, type, chain, txHash, deposit, token, refund, amount, email, note), List.of());
    }

    record Result(NewCase filing, List<FieldError> problems) {
    }

    private static CaseType caseType(String text, List<FieldError> problems) {
        if (blank(text)) {
            problems.add(required("type"));
            return null;
        }
        try {
            return CaseType.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError("type", "UNKNOWN_CASE_TYPE", "The kind of case must be WRONG_NETWORK or UNLISTED_TOKEN."));
            return null;
        }
    }

    private String chain(String text, List<FieldError> problems) {
        if (blank(text)) {
            problems.add(required("chain"));
            return null;
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        if (rules.chain(name).isEmpty()) {
            problems.add(new FieldError("chain", "UNKNOWN_CHAIN",
                    "We do not know the network '" + abbreviate(text) + "'. Choose one of " + rules.chains().keySet() + "."));
            return null;
        }
        return name;
    }

    private static String txHash(String text, List<FieldError> problems) {
        if (blank(text)) {
            problems.add(required("txHash"));
            return null;
        }
        if (!TxHash.isWellFormed(text.trim())) {
            problems.add(new FieldError("txHash", "INVALID_TX_HASH",
                    "A transaction ID is 0x followed by 64 hexadecimal characters. Copy it again from your wallet or a block explorer."));
            return null;
        }
        return text.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(String field, String text, boolean required, List<FieldError> problems) {
        if (blank(text)) {
            if (required) {
                problems.add(required(field));
            }
            return null;
        }
        Optional<String> parsed = EvmAddress.parse(text.trim());
        if (parsed.isEmpty()) {
            boolean shaped = EvmAddress.isWellFormed(text.trim());
            problems.add(shaped
                    ? new FieldError(field, "BAD_CHECKSUM", "This address has a typo: its mixed upper and lower case letters do not match its checksum.")
                    : new FieldError(field, "INVALID_ADDRESS", "An address is 0x followed by 40 hexadecimal characters."));
            return null;
        }
        return parsed.get();
    }

    private static String amount(String text, List<FieldError> problems) {
        if (blank(text)) {
            return null;
        }
        String trimmed = text.trim();
        if (!DecimalAmount.isWellFormed(trimmed)) {
            problems.add(new FieldError("claimedAmount", "INVALID_AMOUNT", "The amount must be a positive number such as 250 or 99.5."));
            return null;
        }
        return trimmed;
    }

    private static String email(String text, List<FieldError> problems) {
        if (blank(text)) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            problems.add(new FieldError("contactEmail", "INVALID_EMAIL", "This is not an e-mail address we can write to."));
            return null;
        }
        return trimmed;
    }

    private static String note(String text, List<FieldError> problems) {
        if (blank(text)) {
            return null;
        }
        if (text.length() > MAX_NOTE) {
            problems.add(new FieldError("note", "TOO_LONG", "The note can be at most " + MAX_NOTE + " characters long."));
            return null;
        }
        return text.trim();
    }

    private static FieldError required(String field) {
        return new FieldError(field, "REQUIRED", "This field is required.");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
