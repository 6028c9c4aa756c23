package com.recoverydesk.rules;

import com.recoverydesk.cases.CaseType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Everything chains.yml says: the chains (in file order) and the rules that apply across them. */
public record RecoveryRules(
        Map<String, ChainConfig> chains,
        Map<CaseType, FeeRule> fees,
        Map<CaseType, BigDecimal> minimumDepositUsd,
        BigDecimal dualApprovalAboveUsd,
        int replyWaitDays,
        RefundTo refundTo) {

    public Optional<ChainConfig> chain(String name) {
        return Optional.ofNullable(chains.get(name));
    }

    /** Where refunds on this chain may go: the chain's own {@code refund-to}, else the global one. */
    public RefundTo refundTo(String chain) {
        RefundTo own = chain(chain).map(ChainConfig::refundTo).orElse(null);
        return own != null ? own : refundTo;
    }
}
