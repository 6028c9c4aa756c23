package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseTransactions;
import com.recoverydesk.cases.CaseView;
import java.util.List;
import org.springframework.stereotype.Component;

/** Shows a case's refund transactions on the case. */
@Component
class RefundTransactionsOfCase implements CaseTransactions {

    private final RefundLedger ledger;

    RefundTransactionsOfCase(RefundLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<CaseView.TransactionView> of(String caseId) {
        return ledger.of(caseId).stream().map(tx -> new CaseView.TransactionView(tx.purpose().name(), tx.hash(), tx.status().name(),
                tx.blockNumber(), tx.from(), tx.to(), tx.amount().toString())).toList();
    }
}
