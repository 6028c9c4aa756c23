package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("quoteFee")
class QuoteFeeDelegate implements JavaDelegate {

    private final FeeAssessment fees;
    private final Ineligibility ineligible;

    QuoteFeeDelegate(FeeAssessment fees, Ineligibility ineligible) {
        this.fees = fees;
        this.ineligible = ineligible;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        if (!fees.quote(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
