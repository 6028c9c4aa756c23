package com.recoverydesk.cases;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Assembles a case as the API shows it: the row, its timeline and its transactions. */
@Component
public class CaseViews {

    private final Timeline timeline;
    private final ObjectProvider<CaseTransactions> transactions;

    CaseViews(Timeline timeline, ObjectProvider<CaseTransactions> transactions) {
        this.timeline = timeline;
        this.transactions = transactions;
    }

    public CaseView of(RecoveryCase c) {
        CaseTransactions source = transactions.getIfAvailable();
        List<CaseView.TransactionView> sent = source == null ? List.of() : source.of(c.id());
        return CaseView.of(c, timeline.of(c.id()), sent);
    }

    /** The customer's note, the specialists' questions and the customer's replies, for the people who decide. */
    public Conversation conversation(RecoveryCase c) {
        return Conversation.of(c, timeline.of(c.id()));
    }
}
