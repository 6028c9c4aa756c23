package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("checkRefund")
class CheckRefundDelegate extends CaseDelegate {

    private final RefundConfirmations confirmations;
    private final RefundSettings settings;

    CheckRefundDelegate(RefundConfirmations confirmations, RefundSettings settings) {
        this.confirmations = confirmations;
        this.settings = settings;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        execution.setVariable(CaseProcess.REFUND_CONFIRMED, confirmations.check(caseId));
        execution.setVariable(CaseProcess.RECHECK_AFTER, settings.getRecheckInterval().toString());
    }
}
