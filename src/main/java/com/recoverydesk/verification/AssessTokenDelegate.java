package com.recoverydesk.verification;

import com.recoverydesk.process.Ineligibility;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("assessToken")
class AssessTokenDelegate extends CaseDelegate {

    private final TokenAssessment assessment;
    private final Ineligibility ineligible;

    AssessTokenDelegate(TokenAssessment assessment, Ineligibility ineligible) {
        this.assessment = assessment;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        if (!assessment.assess(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
