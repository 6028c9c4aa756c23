package com.recoverydesk.cases;

import java.util.List;

/** The chain transactions a case caused (its refund), for the case view; provided by the refund feature. */
public interface CaseTransactions {

    List<CaseView.TransactionView> of(String caseId);
}
