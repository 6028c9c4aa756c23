package com.recoverydesk.policy;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The table approved and the mode is on: the refund starts with no review and no wallet approval. The status change
 * tells the customer as any approved refund does (notify.Notifications hears REFUNDING).
 */
@Component("approveByPolicy")
class ApproveByPolicyDelegate extends CaseDelegate {

    static final String EVENT = "APPROVED_BY_POLICY";

    private final CaseTransitions transitions;

    ApproveByPolicyDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        transitions.move(caseId, CaseStatus.REFUNDING, StraightThrough.ACTOR, EVENT,
                "Your case meets the desk's rules for an immediate refund; it is being sent.");
    }
}
