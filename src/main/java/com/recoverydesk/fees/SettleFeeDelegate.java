package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseProcess;
import java.math.BigDecimal;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After approval: a deposit that had no price gets its fee from the specialist's valuation. */
@Component("settleFee")
class SettleFeeDelegate implements JavaDelegate {

    private final FeeAssessment fees;
    private final Ineligibility ineligible;

    SettleFeeDelegate(FeeAssessment fees, Ineligibility ineligible) {
        this.fees = fees;
        this.ineligible = ineligible;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object valuation = execution.getVariable(CaseProcess.VALUATION_USD);
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        boolean covered = valuation == null || valuation.toString().isBlank()
                ? fees.quote(caseId) && fees.hasFee(caseId)
                : fees.quoteAtValuation(caseId, new BigDecimal(valuation.toString().trim()));
        if (!covered) {
            throw ineligible.of(caseId);
        }
    }
}
