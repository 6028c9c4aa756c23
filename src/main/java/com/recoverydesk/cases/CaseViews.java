package com.recoverydesk.cases;

import java.util.List;
import java.util.Map;
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

    /** A page of cases, in the given order, with their timelines read in one query. */
    public List<CaseView> of(List<RecoveryCase> page) {
        CaseTransactions source = transactions.getIfAvailable();
        List<String> ids = page.stream().map(RecoveryCase::id).toList();
        Map<String, List<TimelineEntry>> timelines = timeline.of(ids);
        Map<String, List<CaseView.TransactionView>> sent = source == null ? Map.of() : source.of(ids);
        return page.stream().map(c -> CaseView.of(c, timelines.getOrDefault(c.id(), List.of()), sent.getOrDefault(c.id(), List.of())))
                .toList();
    }
}
