package com.recoverydesk.fees;

import com.recoverydesk.web.Refusal;
import com.recoverydesk.web.Refusals;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import com.recoverydesk.cases.CaseType;
import com.recoverydesk.cases.CaseView;
import com.recoverydesk.chain.ChainUnavailable;
import com.recoverydesk.chain.DecimalAmount;
import com.recoverydesk.chain.EvmAddress;
import com.recoverydesk.people.CustomerMessages;
import com.recoverydesk.people.TokenAmount;
import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.FeeRule;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.TokenRule;
import com.recoverydesk.web.ApiProblem;
import com.recoverydesk.web.FieldError;
import com.recoverydesk.web.InvalidRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
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


    private final FeeQuotes quotes;
    private final RecoveryRules rules;
    private final TokenContracts tokens;
    private final CustomerMessages messages;

    FeeQuoteController(FeeQuotes quotes, RecoveryRules rules, TokenContracts tokens, CustomerMessages messages) {
        this.quotes = quotes;
        this.rules = rules;
        this.tokens = tokens;
        this.messages = messages;
    }

    @Operation(operationId = "quoteFee", summary = "Quote the fee before filing",
            description = "The fee and the refund for a deposit of `amount` whole tokens, computed exactly as a case is charged. `fee` and `refund` are in the token's smallest unit (strings of digits); `message` says it in tokens, in the language of Accept-Language. Public.")
    @SecurityRequirements
    @Refusals({Refusal.INVALID_REQUEST, Refusal.CHAIN_UNAVAILABLE})
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
        FeeQuotes.PricedQuote priced = quotes.quote(caseType, config.get(), asset.contract(), asset.decimals(), raw);
        return priced.priced()
                ? QuoteView.of(caseType, config.get().name(), asset, priced, sentence(caseType, asset, priced.quote(), language))
                : QuoteView.unpriced(caseType, config.get().name(), asset, raw, priced.unavailable(), messages.text("quote.unpriced", language));
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

    private Asset asset(ChainConfig chain, String token, List<FieldError> errors) {
        if (token == null || token.isBlank() || token.equalsIgnoreCase(chain.nativeCoin().symbol())) {
            return new Asset(null, chain.nativeCoin().symbol(), chain.nativeCoin().decimals());
        }
        Optional<TokenRule> listed = chain.tokens().stream().filter(t -> t.symbol().equalsIgnoreCase(token) || t.isContract(token)).findFirst();
        if (listed.isPresent()) {
            return new Asset(listed.get().contract(), listed.get().symbol(), listed.get().decimals());
        }
        if (EvmAddress.parse(token).isPresent()) {
            // An unlisted token: no price, so a specialist values it; its decimals come from its contract
            return unlisted(chain, EvmAddress.parse(token).get(), errors);
        }
        errors.add(new FieldError("token", "UNKNOWN_TOKEN", "Name a token contract address, or a token listed on " + chain.name() + "."));
        return null;
    }

    private Asset unlisted(ChainConfig chain, String contract, List<FieldError> errors) {
        if (chain.rpcUrl() == null) {
            errors.add(new FieldError("token", "CHAIN_UNSUPPORTED", "We cannot recover tokens sent over " + chain.name() + "."));
            return null;
        }
        Optional<TokenContracts.Erc20> erc20;
        try {
            erc20 = tokens.read(chain.name(), contract);
        } catch (ChainUnavailable e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "CHAIN_UNAVAILABLE", "Network not reachable",
                    "We cannot read the token from " + chain.name() + " right now. Try again in a minute.");
        }
        if (erc20.isEmpty()) {
            errors.add(new FieldError("token", "NOT_AN_ERC20", "The contract " + contract + " on " + chain.name()
                    + " does not answer decimals() as an ERC-20 token does, so we cannot recover it."));
            return null;
        }
        return new Asset(contract, erc20.get().symbol(), erc20.get().decimals());
    }

    private static BigInteger rawAmount(String amount, int decimals, List<FieldError> errors) {
        if (amount == null || !DecimalAmount.isWellFormed(amount.trim())) {
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
     * Raw amounts are strings of digits; {@code priced} is false when no price is available (an unlisted token, or a
     * feed that is stale, not positive or silent: {@code priceUnavailable} says which), and a specialist sets the fee
     * from a valuation. {@code price} is the price the quote used: the feed with its round, or chains.yml's static one.
     */
    record QuoteView(CaseType type, String chain, String tokenContract, String symbol, int decimals, String amount, boolean priced,
            String fee, String refund, BigDecimal valueUsd, BigDecimal feeUsd, String rule, boolean coversFee, String message,
            CaseView.PriceView price, String priceUnavailable) {

        static QuoteView of(CaseType type, String chain, Asset asset, FeeQuotes.PricedQuote priced, String message) {
            FeeQuote q = priced.quote();
            return new QuoteView(type, chain, asset.contract(), asset.symbol(), asset.decimals(), q.amount().toString(), true,
                    q.fee().toString(), q.refund().toString(), q.valueUsd().setScale(2, java.math.RoundingMode.DOWN),
                    q.feeUsd().setScale(2, java.math.RoundingMode.UP), q.rule(), q.coversFee(), message,
                    CaseView.PriceView.of(priced.price()), null);
        }

        static QuoteView unpriced(CaseType type, String chain, Asset asset, BigInteger raw, String why, String message) {
            return new QuoteView(type, chain, asset.contract(), asset.symbol(), asset.decimals(), raw.toString(), false, null, null,
                    null, null, null, true, message, null, why);
        }
    }
}
