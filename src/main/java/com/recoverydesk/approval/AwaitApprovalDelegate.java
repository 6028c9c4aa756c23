package com.recoverydesk.approval;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The specialist approved: the wallet team decides on the refund now. */
@Component("awaitApproval")
class AwaitApprovalDelegate implements JavaDelegate {

    private final CaseTransitions transitions;

    AwaitApprovalDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.move((String) execution.getVariable(CaseProcess.CASE_ID), CaseStatus.AWAITING_APPROVAL,
                (String) execution.getVariable(CaseProcess.REVIEWER), "AWAITING_APPROVAL",
                "An appeals specialist approved your case; the wallet team approves the refund next.");
    }
}
