package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.RecoveryCase;
import com.recoverydesk.rules.NativeCoin;
import com.recoverydesk.rules.RecoveryRules;
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

    RefundCompletion(RefundLedger ledger, CaseTransitions transitions, CaseStore cases, RecoveryRules rules) {
        this.ledger = ledger;
        this.transitions = transitions;
        this.cases = cases;
        this.rules = rules;
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
        String transactions = sent.stream().filter(tx -> tx.status() == RefundTransaction.Status.CONFIRMED)
                .map(tx -> tx.purpose() + " " + tx.hash() + " in block " + tx.blockNumber())
                .collect(Collectors.joining("; "));
        transitions.move(caseId, CaseStatus.COMPLETED, CaseTransitions.SYSTEM, "REFUNDED", paid + "Transactions: " + transactions + ".");
    }
}
