package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseTransactions;
import com.recoverydesk.cases.CaseView;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        return ledger.of(caseId).stream().map(RefundTransactionsOfCase::view).toList();
    }

    @Override
    public Map<String, List<CaseView.TransactionView>> of(Collection<String> caseIds) {
        return ledger.of(caseIds).stream().collect(Collectors.groupingBy(RefundTransaction::caseId,
                Collectors.mapping(RefundTransactionsOfCase::view, Collectors.toList())));
    }

    private static CaseView.TransactionView view(RefundTransaction tx) {
        return new CaseView.TransactionView(tx.purpose().name(), tx.hash(), tx.status().name(), tx.blockNumber(), tx.from(), tx.to(),
                tx.amount().toString());
    }
}
