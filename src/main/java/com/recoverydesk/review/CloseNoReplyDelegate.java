package com.recoverydesk.review;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.cases.ReasonCode;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The reply window passed without an answer. */
@Component("closeNoReply")
class CloseNoReplyDelegate extends CaseDelegate {

    private final CaseTransitions transitions;

    CloseNoReplyDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        transitions.close(caseId, CaseStatus.CLOSED_NO_REPLY, ReasonCode.NO_REPLY, CaseTransitions.SYSTEM, "CLOSED_NO_REPLY", null);
    }
}
