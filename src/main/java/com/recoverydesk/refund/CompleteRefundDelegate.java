package com.recoverydesk.refund;

import com.recoverydesk.process.CaseDelegate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

@Component("completeRefund")
class CompleteRefundDelegate extends CaseDelegate {

    private final RefundCompletion completion;

    CompleteRefundDelegate(RefundCompletion completion) {
        this.completion = completion;
    }

    @Override
    protected void execute(DelegateExecution execution, String caseId) {
        completion.complete(caseId);
    }
}
