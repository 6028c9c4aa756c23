package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("assessToken")
class AssessTokenDelegate implements JavaDelegate {

    private final TokenAssessment assessment;

    AssessTokenDelegate(TokenAssessment assessment) {
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        execution.setVariable(CaseProcess.ELIGIBLE, assessment.assess(caseId));
    }
}
