package com.recoverydesk.chain;

import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.RecoveryMode;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.RefundTo;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public list of chains a user can recover from, as the form and support agents need it. */
@RestController
@Tag(name = "customers")
@RequestMapping("/api/v1/chains")
class ChainsController {

    private final RecoveryRules rules;
    private final List<DemoToken> demoTokens;

    ChainsController(RecoveryRules rules, ObjectProvider<DemoTokens> demoTokens) {
        this.rules = rules;
        DemoTokens devnet = demoTokens.getIfAvailable();
        this.demoTokens = devnet == null ? List.of() : devnet.tokens();
    }

    @Operation(operationId = "listChains", summary = "List the chains and their tokens",
            description = "Every chain Recovery Desk knows: its recovery mode (DIRECT, CONDITIONAL, UNSUPPORTED), the conditions a specialist confirms, its native coin and its listed tokens with their contracts. Public.")
    @SecurityRequirements
    @GetMapping
    ChainsView chains() {
        return new ChainsView(rules.chains().values().stream().map(this::view).toList(), rules.refundTo());
    }

    private ChainView view(ChainConfig chain) {
        NativeCoin coin = chain.nativeCoin();
        return new ChainView(chain.name(), chain.chainId(), chain.recovery(), rules.refundTo(chain.name()), chain.conditions(), chain.explorerUrl(),
                chain.confirmations(), new CoinView(coin.symbol(), coin.decimals()),
                chain.tokens().stream().map(t -> new TokenView(t.symbol(), t.contract(), t.decimals())).toList(),
                demoTokens.stream().filter(t -> t.chain().equals(chain.name()))
                        .map(t -> new TokenView(t.symbol(), t.contract(), t.decimals())).toList());
    }

    record ChainsView(List<ChainView> chains, RefundTo refundTo) {
    }

    /**
     * {@code demoTokens}: on a devnet, every token it deployed (listed or not), so a user can try a mistake.
     * {@code refundTo}: where refunds on this chain go (the chain's own rule, else the global one): ANY, the address the
     * user names, or SENDER, only back to the address the deposit came from (the form then asks for none).
     */
    record ChainView(String name, long chainId, RecoveryMode recovery, RefundTo refundTo, List<String> conditions, String explorerUrl,
            int confirmations, CoinView nativeCoin, List<TokenView> tokens, List<TokenView> demoTokens) {
    }

    record CoinView(String symbol, int decimals) {
    }

    record TokenView(String symbol, String contract, int decimals) {
    }
}
