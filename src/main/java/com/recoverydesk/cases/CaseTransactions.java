package com.recoverydesk.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The chain transactions a case caused (its refund), for the case view; provided by the refund feature. */
public interface CaseTransactions {

    List<CaseView.TransactionView> of(String caseId);

    /** The transactions of a page of cases, by case id; cases without any may be absent. */
    default Map<String, List<CaseView.TransactionView>> of(Collection<String> caseIds) {
        Map<String, List<CaseView.TransactionView>> all = new HashMap<>();
        caseIds.forEach(id -> all.put(id, of(id)));
        return all;
    }
}
