package com.recoverydesk.fees;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.recoverydesk.cases.CaseType;
import com.recoverydesk.chain.ChainConfig;
import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.chain.RecoveryRules;
import com.recoverydesk.chain.TokenRule;
import com.recoverydesk.chain.FeeRule;
import com.recoverydesk.people.CustomerMessages;
import com.recoverydesk.people.TokenAmount;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fee before filing: {@code GET /api/v1/fees/quote?type=&chain=&token=&amount=}. {@code token} is a contract
 * address, a listed symbol, or empty for the native coin; {@code amount} is in whole tokens ("250.5").
 * The same {@link FeeQuotes} charges the case, so the quote is what the user pays.
 */
@RestController
@Tag(name = "customers")
class FeeQuoteController {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,60}(\\.\\d{1,36})?");

    private final FeeQuotes quotes;
    private final RecoveryRules rules;
    private final CustomerMessages messages;

    FeeQuoteController(FeeQuotes quotes, RecoveryRules rules, CustomerMessages messages) {
        this.quotes = quotes;
        this.rules = rules;
        this.messages = messages;
    }

    @Operation(operationId = "quoteFee", summary = "Quote the fee before filing",
            description = "The fee and the refund for a deposit of `amount` whole tokens, computed exactly as a case is charged. `fee` and `refund` are in the token's smallest unit (strings of digits); `message` says it in tokens, in the language of Accept-Language. Public.")
    @SecurityRequirements
    @Refusals(Refusal.INVALID_REQUEST)
    @GetMapping("/api/v1/fees/quote")
    QuoteView quote(@RequestParam(required = false) String type, @RequestParam(required = false) String chain,
            @RequestParam(required = false) String token, @RequestParam(required = false) String amount, Locale language) {
        List<FieldError> errors = new ArrayList<>();
        CaseType caseType = caseType(type, errors);
        Optional<ChainConfig> config = chain == null ? Optional.empty() : rules.chain(chain);
        if (config.isEmpty()) {
            errors.add(new FieldError("chain", "UNKNOWN_CHAIN", "Choose one of " + rules.chains().keySet() + "."));
        }
        Asset asset = config.map(c -> asset(c, token, errors)).orElse(null);
        BigInteger raw = asset == null ? null : rawAmount(amount, asset.decimals(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return quotes.quote(caseType, config.get(), asset.contract(), asset.decimals(), raw)
                .map(q -> QuoteView.of(caseType, config.get().name(), asset, q, sentence(caseType, asset, q, language)))
                .orElseGet(() -> QuoteView.unpriced(caseType, config.get().name(), asset, raw, messages.text("quote.unpriced", language)));
    }

    /** The quote as the customer reads it, in their language, amounts in tokens. */
    private String sentence(CaseType type, Asset asset, FeeQuote q, Locale language) {
        FeeRule rule = rules.fees().get(type);
        String percent = plain(rule.percent());
        String min = plain(rule.minUsd());
        String max = plain(rule.maxUsd());
        return q.coversFee()
                ? messages.text("quote.covered", language, q.feeUsd().setScale(2, RoundingMode.UP).toPlainString(),
                        new TokenAmount(q.fee(), asset.decimals(), asset.symbol()).toString(),
                        new TokenAmount(q.refund(), asset.decimals(), asset.symbol()).toString(), percent, min, max)
                : messages.text("quote.notCovered", language, plain(rules.minimumDepositUsd().get(type)), percent, min, max);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static CaseType caseType(String type, List<FieldError> errors) {
        try {
            return CaseType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("type", "UNKNOWN_CASE_TYPE", "The kind of case must be WRONG_NETWORK or UNLISTED_TOKEN."));
            return null;
        }
    }

    private static Asset asset(ChainConfig chain, String token, List<FieldError> errors) {
        if (token == null || token.isBlank() || token.equalsIgnoreCase(chain.nativeCoin().symbol())) {
            return new Asset(null, chain.nativeCoin().symbol(), chain.nativeCoin().decimals());
        }
        Optional<TokenRule> listed = chain.tokens().stream().filter(t -> t.symbol().equalsIgnoreCase(token) || t.isContract(token)).findFirst();
        if (listed.isPresent()) {
            return new Asset(listed.get().contract(), listed.get().symbol(), listed.get().decimals());
        }
        if (EvmAddress.parse(token).isPresent()) {
            // An unlisted token: no price, so a specialist values it; 18 decimals is only the usual case.
            return new Asset(EvmAddress.parse(token).get(), null, 18);
        }
        errors.add(new FieldError("token", "UNKNOWN_TOKEN", "Name a token contract address, or a token listed on " + chain.name() + "."));
        return null;
    }

    private static BigInteger rawAmount(String amount, int decimals, List<FieldError> errors) {
        if (amount == null || !DECIMAL.matcher(amount.trim()).matches() || new BigDecimal(amount.trim()).signum() <= 0) {
            errors.add(new FieldError("amount", "INVALID_AMOUNT", "The amount must be a positive number such as 250 or 99.5."));
            return null;
        }
        BigDecimal whole = new BigDecimal(amount.trim());
        if (whole.stripTrailingZeros().scale() > decimals) {
            errors.add(new FieldError("amount", "TOO_PRECISE", "This token has only " + decimals + " decimals."));
            return null;
        }
        return whole.movePointRight(decimals).toBigIntegerExact();
    }

    record Asset(String contract, String symbol, int decimals) {
    }

    /**
     * Raw amounts are strings of digits; {@code priced} is false for a token without a known price, whose fee a
     * specialist sets from a valuation.
     */
    record QuoteView(CaseType type, String chain, String tokenContract, String symbol, int decimals, String amount, boolean priced,
            String fee, String refund, BigDecimal valueUsd, BigDecimal feeUsd, String rule, boolean coversFee, String message) {

        static QuoteView of(CaseType type, String chain, Asset asset, FeeQuote q, String message) {
            return new QuoteView(type, chain, asset.contract(), asset.symbol(), asset.decimals(), q.amount().toString(), true,
                    q.fee().toString(), q.refund().toString(), q.valueUsd().setScale(2, java.math.RoundingMode.DOWN),
                    q.feeUsd().setScale(2, java.math.RoundingMode.UP), q.rule(), q.coversFee(), message);
        }

        static QuoteView unpriced(CaseType type, String chain, Asset asset, BigInteger raw, String message) {
            return new QuoteView(type, chain, asset.contract(), asset.symbol(), asset.decimals(), raw.toString(), false, null, null,
                    null, null, null, true, message);
        }
    }
}
