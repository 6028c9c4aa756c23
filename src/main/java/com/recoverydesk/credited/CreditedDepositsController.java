package com.recoverydesk.credited;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators import what the exchange's deposit system credited, so such deposits are never "recovered". */
@RestController
@Tag(name = "operators")
class CreditedDepositsController {

    static final int MAX_ENTRIES = 1000;
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,78}");

    private final CreditedDeposits credited;
    private final RecoveryRules rules;

    CreditedDepositsController(CreditedDeposits credited, RecoveryRules rules) {
        this.credited = credited;
        this.rules = rules;
    }

    @Operation(operationId = "importCreditedDeposits", summary = "Import credited deposits",
            description = "What the exchange's deposit system credited, so such deposits are refused as ALREADY_CREDITED; idempotent, with a report per entry.")
    @Refusals({Refusal.INVALID_REQUEST, Refusal.FORBIDDEN})
    @PostMapping(path = "/api/v1/admin/credited-deposits", consumes = MediaType.APPLICATION_JSON_VALUE)
    CreditedDeposits.ImportResult importCredited(@RequestBody ImportForm form, Authentication operator) {
        List<FieldError> errors = new ArrayList<>();
        if (form.deposits() == null || form.deposits().isEmpty()) {
            throw InvalidRequest.of("deposits", "REQUIRED", "Send at least one credited deposit.");
        }
        if (form.deposits().size() > MAX_ENTRIES) {
            throw InvalidRequest.of("deposits", "TOO_MANY", "Send at most " + MAX_ENTRIES + " deposits per request.");
        }
        List<CreditedDeposit> valid = new ArrayList<>();
        for (int i = 0; i < form.deposits().size(); i++) {
            validate(form.deposits().get(i), "deposits[" + i + "].", errors).ifPresent(valid::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return credited.importAll(valid, operator.getName());
    }

    private Optional<CreditedDeposit> validate(Entry entry, String at, List<FieldError> errors) {
        int before = errors.size();
        if (entry == null) {
            errors.add(new FieldError(at.substring(0, at.length() - 1), "REQUIRED", "This entry is empty."));
            return Optional.empty();
        }
        if (entry.chain() == null || rules.chain(entry.chain()).isEmpty()) {
            errors.add(new FieldError(at + "chain", "UNKNOWN_CHAIN", "Name a chain of chains.yml: " + rules.chains().keySet() + "."));
        }
        if (entry.txHash() == null || !TX_HASH.matcher(entry.txHash()).matches()) {
            errors.add(new FieldError(at + "txHash", "INVALID_TX_HASH", "A transaction ID is 0x followed by 64 hexadecimal characters."));
        }
        if (entry.logIndex() == null || entry.logIndex() < -1) {
            errors.add(new FieldError(at + "logIndex", "INVALID_LOG_INDEX", "The log index is 0 or more (-1 for a native-coin transfer)."));
        }
        Optional<String> address = EvmAddress.parse(entry.depositAddress());
        if (address.isEmpty()) {
            errors.add(addressError(at + "depositAddress", entry.depositAddress()));
        }
        Optional<String> token = entry.tokenContract() == null ? Optional.empty() : EvmAddress.parse(entry.tokenContract());
        if (entry.tokenContract() != null && token.isEmpty()) {
            errors.add(addressError(at + "tokenContract", entry.tokenContract()));
        }
        if (entry.amount() == null || !DIGITS.matcher(entry.amount()).matches()) {
            errors.add(new FieldError(at + "amount", "INVALID_AMOUNT", "The amount is the raw integer amount, digits only."));
        }
        Instant creditedAt = null;
        if (entry.creditedAt() != null) {
            try {
                creditedAt = Instant.parse(entry.creditedAt());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + "creditedAt", "INVALID_TIME", "Give the time as ISO-8601, e.g. 2026-11-24T10:15:30Z."));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CreditedDeposit(entry.chain(), entry.txHash().toLowerCase(Locale.ROOT), entry.logIndex(),
                address.get(), token.orElse(null), new BigInteger(entry.amount()), creditedAt));
    }

    private static FieldError addressError(String field, String value) {
        return EvmAddress.isWellFormed(value)
                ? new FieldError(field, "BAD_CHECKSUM", "This address's mixed upper and lower case letters do not match its checksum.")
                : new FieldError(field, "INVALID_ADDRESS", "An address is 0x followed by 40 hexadecimal characters.");
    }

    record ImportForm(List<Entry> deposits) {
    }

    record Entry(String chain, String txHash, Integer logIndex, String depositAddress, String tokenContract, String amount,
            String creditedAt) {
    }
}
