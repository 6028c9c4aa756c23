package com.recoverydesk.review;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The case is verified and waits for an appeals specialist. */
@Component("queueForReview")
class QueueForReviewDelegate implements JavaDelegate {

    private final CaseTransitions transitions;

    QueueForReviewDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        transitions.move(caseId, CaseStatus.IN_REVIEW, CaseTransitions.SYSTEM, "QUEUED_FOR_REVIEW",
                "The deposit is verified. An appeals specialist will review your case.");
    }
}
