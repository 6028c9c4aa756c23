package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A person rejected the case: close it with their reason, on behalf of them. */
@Component("closeRejected")
class CloseRejectedDelegate implements JavaDelegate {

    private final CaseTransitions transitions;

    CloseRejectedDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.reject((String) execution.getVariable(CaseProcess.CASE_ID),
                ReasonCode.valueOf((String) execution.getVariable(CaseProcess.REJECTION_CODE)),
                (String) execution.getVariable(CaseProcess.REJECTED_BY),
                (String) execution.getVariable(CaseProcess.DECISION_REASON));
    }
}
