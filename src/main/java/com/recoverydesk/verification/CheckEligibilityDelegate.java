package com.recoverydesk.verification;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibility")
class CheckEligibilityDelegate implements JavaDelegate {

    private final DepositJudgement judgement;
    private final Ineligibility ineligible;

    CheckEligibilityDelegate(DepositJudgement judgement, Ineligibility ineligible) {
        this.judgement = judgement;
        this.ineligible = ineligible;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        if (!judgement.judge(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
