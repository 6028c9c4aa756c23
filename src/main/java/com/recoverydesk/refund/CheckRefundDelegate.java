package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkRefund")
class CheckRefundDelegate implements JavaDelegate {

    private final RefundConfirmations confirmations;
    private final RefundSettings settings;

    CheckRefundDelegate(RefundConfirmations confirmations, RefundSettings settings) {
        this.confirmations = confirmations;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CaseProcess.REFUND_CONFIRMED, confirmations.check((String) execution.getVariable(CaseProcess.CASE_ID)));
        execution.setVariable(CaseProcess.RECHECK_AFTER, settings.getRecheckInterval().toString());
    }
}
