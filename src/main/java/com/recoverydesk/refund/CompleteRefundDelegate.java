package com.recoverydesk.refund;

import com.recoverydesk.cases.CaseProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("completeRefund")
class CompleteRefundDelegate implements JavaDelegate {

    private final RefundCompletion completion;

    CompleteRefundDelegate(RefundCompletion completion) {
        this.completion = completion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(CaseProcess.CASE_ID);
        completion.complete(caseId);
    }
}
