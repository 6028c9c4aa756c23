package com.recoverydesk.verification;

import com.recoverydesk.process.Ineligibility;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("checkEligibility")
class CheckEligibilityDelegate extends CaseDelegate {

    private final DepositJudgement judgement;
    private final Ineligibility ineligible;

    CheckEligibilityDelegate(DepositJudgement judgement, Ineligibility ineligible) {
        this.judgement = judgement;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        if (!judgement.judge(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
