package com.recoverydesk.cases;

import com.recoverydesk.people.CustomerMessages;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Assembles a case as the API shows it: the row, its timeline and its transactions. */
@Component
public class CaseViews {

    private final Timeline timeline;
    private final ObjectProvider<CaseTransactions> transactions;
    private final CustomerMessages messages;
    private final ObjectProvider<CasePolicies> policies;

    CaseViews(Timeline timeline, ObjectProvider<CaseTransactions> transactions, CustomerMessages messages, ObjectProvider<CasePolicies> policies) {
        this.timeline = timeline;
        this.transactions = transactions;
        this.messages = messages;
        this.policies = policies;
    }

    /** The case with its reason in the language of the request ({@code Accept-Language}); the reason code is the same in every language. */
    public CaseView of(RecoveryCase c) {
        CaseTransactions source = transactions.getIfAvailable();
        List<CaseView.TransactionView> sent = source == null ? List.of() : source.of(c.id());
        CasePolicies decided = policies.getIfAvailable();
        return inReadersLanguage(c, CaseView.of(c, timeline.of(c.id()), sent, decided == null ? null : decided.of(c.id()).orElse(null)));
    }

    /** The reason's sentence in the reader's language (the request's locale). */
    private CaseView inReadersLanguage(RecoveryCase c, CaseView view) {
        return c.reasonCode() == null ? view
                : view.withReasonMessage(messages.reason(c.reasonCode().name(), c.reasonCode().detailOf(c.reasonMessage()), LocaleContextHolder.getLocale()));
    }

    /** The customer's note, the specialists' questions and the customer's replies, for the people who decide. */
    public Conversation conversation(RecoveryCase c) {
        return Conversation.of(c, timeline.of(c.id()));
    }

    /** A page of cases, in the given order, with their timelines read in one query. */
    public List<CaseView> of(List<RecoveryCase> page) {
        CaseTransactions source = transactions.getIfAvailable();
        List<String> ids = page.stream().map(RecoveryCase::id).toList();
        Map<String, List<TimelineEntry>> timelines = timeline.of(ids);
        Map<String, List<CaseView.TransactionView>> sent = source == null ? Map.of() : source.of(ids);
        CasePolicies decided = policies.getIfAvailable();
        Map<String, CaseView.PolicyView> policy = decided == null ? Map.of() : decided.of(ids);
        return page.stream()
                .map(c -> inReadersLanguage(c, CaseView.of(c, timelines.getOrDefault(c.id(), List.of()), sent.getOrDefault(c.id(), List.of()),
                        policy.get(c.id()))))
                .toList();
    }
}
