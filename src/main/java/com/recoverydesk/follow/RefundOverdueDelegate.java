package com.recoverydesk.follow;

import com.recoverydesk.cases.CaseStore;
import com.recoverydesk.process.CaseDelegate;
import com.recoverydesk.rules.RecoveryRules;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Where a refund's bounded wait leads: it looks at the chain once more and lets the refund go on only when every
 * transaction is buried by the chain's confirmations (the refund's own check then records it); otherwise the case
 * stops here with an incident ({@link RefundOverdue}) that an operator sees in Cockpit.
 */
@Component("refundOverdue")
class RefundOverdueDelegate extends CaseDelegate {

    private final ChainWaits waits;
    private final HeadReads reads;
    private final CaseStore cases;
    private final RecoveryRules rules;

    RefundOverdueDelegate(ChainWaits waits, HeadReads reads, CaseStore cases, RecoveryRules rules) {
        this.waits = waits;
        this.reads = reads;
        this.cases = cases;
        this.rules = rules;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        waits.forget(caseId);
        String chain = cases.find(caseId).orElseThrow().chain();
        List<String> open = waits.openRefundTransactions(List.of(caseId)).getOrDefault(caseId, List.of());
        long head = reads.head(chain);
        Map<String, Long> mined = reads.minedIn(chain, open);
        int confirmations = rules.chain(chain).orElseThrow().confirmations();
        List<String> unmined = open.stream().filter(tx -> !mined.containsKey(tx)).toList();
        if (!unmined.isEmpty()) {
            throw new RefundOverdue(caseId, chain, "not mined: " + String.join(", ", unmined));
        }
        List<String> shallow = open.stream().filter(tx -> head - mined.get(tx) + 1 < confirmations).toList();
        if (!shallow.isEmpty()) {
            throw new RefundOverdue(caseId, chain, "mined but short of " + confirmations + " confirmations: " + String.join(", ", shallow));
        }
    }
}
