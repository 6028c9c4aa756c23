package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every transfer is confirmed: the case is complete, with its transactions on the timeline. */
@Service
class RefundCompletion {

    private final RefundLedger ledger;
    private final CaseTransitions transitions;

    RefundCompletion(RefundLedger ledger, CaseTransitions transitions) {
        this.ledger = ledger;
        this.transitions = transitions;
    }

    @Transactional
    void complete(String caseId) {
        String transactions = ledger.of(caseId).stream()
                .map(tx -> tx.purpose() + " " + tx.hash() + " in block " + tx.blockNumber())
                .collect(Collectors.joining("; "));
        transitions.move(caseId, CaseStatus.COMPLETED, CaseTransitions.SYSTEM, "REFUNDED", "Refunded. " + transactions + ".");
    }
}
