package com.recoverydesk.approval;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The specialist approved: the wallet team decides on the refund now. */
@Component("awaitApproval")
class AwaitApprovalDelegate extends CaseDelegate {

    private final CaseTransitions transitions;

    AwaitApprovalDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        transitions.move(caseId, CaseStatus.AWAITING_APPROVAL,
                (String) execution.getVariable(CaseProcess.REVIEWER), "AWAITING_APPROVAL",
                "An appeals specialist approved your case; the wallet team approves the refund next.");
    }
}
