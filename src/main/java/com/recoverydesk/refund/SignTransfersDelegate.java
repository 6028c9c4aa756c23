package com.recoverydesk.refund;

import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("signTransfers")
class SignTransfersDelegate extends CaseDelegate {

    private final RefundSigning signing;

    SignTransfersDelegate(RefundSigning signing) {
        this.signing = signing;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        signing.signTransfers(caseId);
    }
}
