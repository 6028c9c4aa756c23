package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The wallet team approved: the refund starts. */
@Component("startRefund")
class StartRefundDelegate implements JavaDelegate {

    private final CaseTransitions transitions;

    StartRefundDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object approver = execution.getVariable(CaseProcess.FIRST_APPROVER);
        transitions.move((String) execution.getVariable(CaseProcess.CASE_ID), CaseStatus.REFUNDING,
                approver == null ? CaseTransitions.SYSTEM : approver.toString(), "REFUNDING",
                "The wallet team approved your refund; it is being prepared.");
    }
}
