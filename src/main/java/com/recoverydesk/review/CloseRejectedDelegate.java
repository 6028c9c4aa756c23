package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A person rejected the case: close it with their reason, on behalf of them. */
@Component("closeRejected")
class CloseRejectedDelegate extends CaseDelegate {

    private final CaseTransitions transitions;

    CloseRejectedDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        transitions.reject(caseId,
                ReasonCode.valueOf((String) execution.getVariable(CaseProcess.REJECTION_CODE)),
                (String) execution.getVariable(CaseProcess.REJECTED_BY),
                (String) execution.getVariable(CaseProcess.DECISION_REASON));
    }
}
