package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reply window passed without an answer. */
@Component("closeNoReply")
class CloseNoReplyDelegate implements JavaDelegate {

    private final CaseTransitions transitions;

    CloseNoReplyDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        transitions.close(caseId, CaseStatus.CLOSED_NO_REPLY, ReasonCode.NO_REPLY, CaseTransitions.SYSTEM, "CLOSED_NO_REPLY", null);
    }
}
