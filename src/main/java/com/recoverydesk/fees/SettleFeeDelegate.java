package com.recoverydesk.fees;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import java.math.BigDecimal;
import com.recoverydesk.process.Ineligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** After approval: a deposit that had no price gets its fee from the specialist's valuation. */
@Component("settleFee")
class SettleFeeDelegate extends CaseDelegate {

    private final FeeAssessment fees;
    private final Ineligibility ineligible;

    SettleFeeDelegate(FeeAssessment fees, Ineligibility ineligible) {
        this.fees = fees;
        this.ineligible = ineligible;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        Object valuation = execution.getVariable(CaseProcess.VALUATION_USD);
        boolean covered = valuation == null || valuation.toString().isBlank()
                ? fees.quote(caseId) && fees.hasFee(caseId)
                : fees.quoteAtValuation(caseId, new BigDecimal(valuation.toString().trim()));
        if (!covered) {
            throw ineligible.of(caseId);
        }
    }
}
