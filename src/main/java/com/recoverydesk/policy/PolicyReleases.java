package com.recoverydesk.policy;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseStatusChanged;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An automatic refund's reservation counts against the caps until its case ends without payment; then, in the same
 * transaction as that status change, it is given back. A refund transaction that reverts is an incident, not an end:
 * the case stays REFUNDING and keeps its reservation until an operator has repaired it or the case is closed.
 */
@Component
class PolicyReleases {

    private static final Set<CaseStatus> UNPAID = Set.of(CaseStatus.REJECTED, CaseStatus.CANCELLED, CaseStatus.CLOSED_NO_REPLY);

    private final StraightThrough policy;

    PolicyReleases(StraightThrough policy) {
        this.policy = policy;
    }

    @EventListener
    void on(CaseStatusChanged change) {
        if (UNPAID.contains(change.status())) {
            policy.release(change.caseId());
        }
    }
}
