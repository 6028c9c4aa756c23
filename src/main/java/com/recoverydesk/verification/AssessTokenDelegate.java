package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("assessToken")
class AssessTokenDelegate implements JavaDelegate {

    private final TokenAssessment assessment;
    private final Ineligibility ineligible;

    AssessTokenDelegate(TokenAssessment assessment, Ineligibility ineligible) {
        this.assessment = assessment;
        this.ineligible = ineligible;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        if (!assessment.assess(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
