package com.recoverydesk.chain;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public list of chains a user can recover from, as the form and support agents need it. */
@RestController
@RequestMapping("/api/v1/chains")
class ChainsController {

    private final RecoveryRules rules;

    ChainsController(RecoveryRules rules) {
        this.rules = rules;
    }

    @GetMapping
    ChainsView chains() {
        return new ChainsView(rules.chains().values().stream().map(ChainView::of).toList(), rules.refundTo());
    }

    record ChainsView(List<ChainView> chains, RefundTo refundTo) {
    }

    record ChainView(String name, long chainId, RecoveryMode recovery, List<String> conditions, String explorerUrl,
            int confirmations, CoinView nativeCoin, List<TokenView> tokens) {

        static ChainView of(ChainConfig chain) {
            NativeCoin coin = chain.nativeCoin();
            return new ChainView(chain.name(), chain.chainId(), chain.recovery(), chain.conditions(), chain.explorerUrl(),
                    chain.confirmations(), new CoinView(coin.symbol(), coin.decimals()),
                    chain.tokens().stream().map(t -> new TokenView(t.symbol(), t.contract(), t.decimals())).toList());
        }
    }

    record CoinView(String symbol, int decimals) {
    }

    record TokenView(String symbol, String contract, int decimals) {
    }
}
