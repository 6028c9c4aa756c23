package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The wallet team approved: the refund starts. */
@Component("startRefund")
class StartRefundDelegate extends CaseDelegate {

    private final CaseTransitions transitions;

    StartRefundDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        Object approver = execution.getVariable(CaseProcess.FIRST_APPROVER);
        transitions.move(caseId, CaseStatus.REFUNDING,
                approver == null ? CaseTransitions.SYSTEM : approver.toString(), "REFUNDING",
                "The wallet team approved your refund; it is being prepared.");
    }
}
