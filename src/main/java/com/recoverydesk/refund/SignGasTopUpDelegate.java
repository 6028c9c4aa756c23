package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("signGasTopUp")
class SignGasTopUpDelegate implements JavaDelegate {

    private final RefundSigning signing;

    SignGasTopUpDelegate(RefundSigning signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        signing.signGasTopUp(caseId);
    }
}
