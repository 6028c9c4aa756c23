package com.recoverydesk.review;

import com.recoverydesk.cases.CaseStatus;
import com.recoverydesk.cases.CaseTransitions;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The case is verified and waits for an appeals specialist. */
@Component("queueForReview")
class QueueForReviewDelegate extends CaseDelegate {

    private final CaseTransitions transitions;

    QueueForReviewDelegate(CaseTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        transitions.move(caseId, CaseStatus.IN_REVIEW, CaseTransitions.SYSTEM, "QUEUED_FOR_REVIEW",
                "The deposit is verified. An appeals specialist will review your case.");
    }
}
