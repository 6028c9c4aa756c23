package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibility")
class CheckEligibilityDelegate implements JavaDelegate {

    private final DepositJudgement judgement;

    CheckEligibilityDelegate(DepositJudgement judgement) {
        this.judgement = judgement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        execution.setVariable(CaseProcess.ELIGIBLE, judgement.judge(caseId));
    }
}
