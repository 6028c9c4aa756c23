package com.recoverydesk.fees;

import com.recoverydesk.process.Ineligibility;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("quoteFee")
class QuoteFeeDelegate extends CaseDelegate {

    private final FeeAssessment fees;
    private final Ineligibility ineligible;

    QuoteFeeDelegate(FeeAssessment fees, Ineligibility ineligible) {
        this.fees = fees;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        if (!fees.quote(caseId)) {
            throw ineligible.of(caseId);
        }
    }
}
