package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.cases.Timeline;
import com.recoverydesk.people.TokenAmount;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.RecoveryRules;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every transfer is confirmed: the case is complete, with what was paid and its transactions on the timeline. */
@Service
class RefundCompletion {

    private final RefundLedger ledger;
    private final CaseTransitions transitions;
    private final CaseStore cases;
    private final RecoveryRules rules;
    private final Timeline timeline;

    RefundCompletion(RefundLedger ledger, CaseTransitions transitions, CaseStore cases, RecoveryRules rules, Timeline timeline) {
        this.ledger = ledger;
        this.transitions = transitions;
        this.cases = cases;
        this.rules = rules;
        this.timeline = timeline;
    }

    @Transactional
    void complete(String caseId) {
        RecoveryCase c = cases.find(caseId).orElseThrow();
        NativeCoin coin = rules.chain(c.chain()).orElseThrow().nativeCoin();
        List<RefundTransaction> sent = ledger.of(caseId);
        String paid = sent.stream().filter(tx -> tx.purpose() == Purpose.REFUND)
                .map(tx -> "Refunded " + c.facts().units(tx.amount(), coin.symbol(), coin.decimals()) + " to " + tx.to() + ". ")
                .collect(Collectors.joining());
        // one transaction per nonce was mined; the attempts it replaced, or that replaced it, never will be
        gasSpent(c, coin, sent);
        String transactions = sent.stream().filter(tx -> tx.status() == RefundTransaction.Status.CONFIRMED)
                .map(tx -> tx.purpose() + " " + tx.hash() + " in block " + tx.blockNumber())
                .collect(Collectors.joining("; "));
        transitions.move(caseId, CaseStatus.COMPLETED, CaseTransitions.SYSTEM, "REFUNDED", paid + "Transactions: " + transactions + ".");
    }

    /** What the refund's gas cost, from the receipts, and (after a token refund) what its top-ups left behind. */
    private void gasSpent(RecoveryCase c, NativeCoin coin, List<RefundTransaction> sent) {
        GasAccount gas = GasAccount.of(sent, c.facts().to());
        String left = c.facts().isNative() ? "" : " Left on the deposit address from the gas top-up: "
                + coins(gas.leftOnDeposit(), coin) + " (swept back to the gas station: " + coins(gas.swept(), coin) + ").";
        timeline.note(c.id(), CaseTransitions.SYSTEM, "GAS_SPENT", c.status(), "Gas used: " + gas.gasUsed() + "; paid for it: "
                + coins(gas.spent(), coin) + "." + left);
    }

    private static TokenAmount coins(BigInteger raw, NativeCoin coin) {
        return new TokenAmount(raw, coin.decimals(), coin.symbol());
    }
}
