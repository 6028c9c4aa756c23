package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("quoteFee")
class QuoteFeeDelegate implements JavaDelegate {

    private final FeeAssessment fees;

    QuoteFeeDelegate(FeeAssessment fees) {
        this.fees = fees;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CaseProcess.ELIGIBLE, fees.quote((String) execution.getVariable(CaseProcess.CASE_ID)));
    }
}
