package com.recoverydesk.refund;

import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("signGasTopUp")
class SignGasTopUpDelegate extends CaseDelegate {

    private final RefundSigning signing;

    SignGasTopUpDelegate(RefundSigning signing) {
        this.signing = signing;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        signing.signGasTopUp(caseId);
    }
}
