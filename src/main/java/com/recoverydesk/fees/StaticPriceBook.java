package com.recoverydesk.fees;

import com.recoverydesk.rules.ChainConfig;
import com.recoverydesk.rules.RecoveryRules;
import com.recoverydesk.rules.TokenRule;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Prices as written in chains.yml: the native coin and the listed tokens; unlisted tokens have none. */
@Component
class StaticPriceBook implements PriceBook {

    private final RecoveryRules rules;

    StaticPriceBook(RecoveryRules rules) {
        this.rules = rules;
    }

    @Override
    public Optional<BigDecimal> usdPrice(String chain, String tokenContract) {
        Optional<ChainConfig> config = rules.chain(chain);
        if (tokenContract == null) {
            return config.map(c -> c.nativeCoin().usdPrice());
        }
        return config.flatMap(c -> c.token(tokenContract)).map(TokenRule::usdPrice);
    }
}
